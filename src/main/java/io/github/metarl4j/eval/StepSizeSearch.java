package io.github.metarl4j.eval;

import io.github.metarl4j.algo.AdaptablePolicy;
import io.github.metarl4j.env.TaskFamily;
import io.github.metarl4j.random.SeedTree;
import io.github.metarl4j.sampler.Sampler;
import io.github.metarl4j.task.Oracle;
import io.github.metarl4j.task.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Chooses a policy's adaptation step size from a grid on validation tasks, so that every arm of a
 * comparison (the meta-learner, the pretrained policy, learning from scratch) adapts with its own
 * best step size rather than the meta-learner's. The score of a step size is the mean return over
 * k = 1..K of the adaptation curve on the validation tasks (the area under the curve after the first
 * update); every step size sees the same tasks and the same episode generator (common random
 * numbers); ties go to the smaller step size.
 */
public final class StepSizeSearch {

    private StepSizeSearch() {
    }

    /**
     * The outcome for one arm.
     *
     * @param name   the arm
     * @param grid   the step sizes tried, in order
     * @param scores each step size's validation score, in the grid's order
     * @param chosen the step size with the highest score
     * @param curve  the validation curve at the chosen step size
     */
    public record Choice(String name, List<Double> grid, List<Double> scores, double chosen, AdaptationCurve curve) {

        /**
         * Checks the arguments and holds them:
         *
         * @param name   the arm
         * @param grid   the step sizes tried, in order
         * @param scores each step size's validation score, in the grid's order
         * @param chosen the step size with the highest score
         * @param curve  the validation curve at the chosen step size
         */
        public Choice {
            grid = List.copyOf(grid);
            scores = List.copyOf(scores);
            if (grid.isEmpty() || grid.size() != scores.size()) {
                throw new IllegalArgumentException("a step-size choice needs one score per step size, got " + grid.size()
                        + " step sizes and " + scores.size() + " scores");
            }
        }
    }

    /**
     * Scores every step size of {@code grid} for {@code start} on the validation {@code tasks} and
     * returns the choice.
     *
     * @throws IllegalArgumentException if the grid is empty, the evaluator takes no adaptation step,
     *                                  or {@code start} has no step size
     */
    public static <T extends Task, O, A> Choice choose(MetaEvaluator evaluator, String name, AdaptablePolicy start,
                                                       List<Double> grid, TaskFamily<T, O, A> family, List<T> tasks,
                                                       Optional<Oracle<T>> oracle, Sampler sampler,
                                                       SeedTree node) {
        if (grid.isEmpty()) {
            throw new IllegalArgumentException("a step-size grid needs at least one step size");
        }
        if (start.stepSize().isEmpty()) {
            throw new IllegalArgumentException("policy '" + name + "' has no step size to choose");
        }
        List<Double> scores = new ArrayList<>();
        List<AdaptationCurve> curves = new ArrayList<>();
        int best = 0;
        for (int i = 0; i < grid.size(); i++) {
            AdaptationCurve curve = evaluator.evaluate(name, start.withStepSize(grid.get(i)), family, tasks, oracle,
                    sampler, node);
            if (curve.steps() < 1) {
                throw new IllegalArgumentException("choosing a step size needs at least one adaptation step, got K = 0");
            }
            curves.add(curve);
            scores.add(curve.returns().subList(1, curve.steps() + 1).stream().mapToDouble(ConfidenceInterval::mean)
                    .average().orElseThrow());
            if (scores.get(i) > scores.get(best)) {
                best = i;
            }
        }
        return new Choice(name, grid, scores, grid.get(best), curves.get(best));
    }
}
