package io.github.metarl4j.experiment.config;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * How a run is evaluated after training: adaptation curves on held-out test tasks beside reference
 * policies and the oracle, each explicitly adapting policy with its own step size chosen on
 * validation tasks (disjoint from the training and test tasks).
 *
 * @param tasks     held-out tasks of each of the validation and test sets, >= 1; a finite set smaller
 *                  than this is used whole, each task once
 * @param steps     how far the curves run: K adaptation steps (k = 0..K), or {@code trial} for an
 *                  in-context learner, whose curve covers its trial
 * @param episodes  episodes sampled per task at each k (trials per task, for an in-context learner), >= 1
 * @param baselines reference policies evaluated beside the learner
 * @param stepSizes the step sizes each explicitly adapting arm chooses from on the validation tasks,
 *                  ascending, each finite and > 0; empty to adapt with the learner's own step size
 * @param target    the fraction of the optimal return whose first crossing is reported (episodes to
 *                  reach it), in (0, 1]; used where the family has an oracle
 */
public record EvaluationConfig(int tasks, EvaluationSteps steps, int episodes, List<Baseline> baselines,
                               List<Double> stepSizes, double target) {

    /** A reference policy. */
    public enum Baseline {
        /** Trained on the pooled training tasks without meta-learning, on the learner's budget; adapted the same way. */
        PRETRAINED,
        /** The initial parameters, adapted the same way: learning from scratch. */
        SCRATCH,
        /**
         * Trained like PRETRAINED but on the family's source tasks only (phase 1 of sequential transfer,
         * e.g. starts in the bottom-left corner), then fine-tuned on each test task the same way.
         */
        FINE_TUNE;

        /** The arm's name in tables and files, and a trained reference's folder: {@code pretrained}, {@code scratch}, {@code fine-tune}. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * Checks the arguments and holds them:
     *
     * @param tasks     held-out tasks of each of the validation and test sets, >= 1; a finite set smaller
     *                  than this is used whole, each task once
     * @param steps     how far the curves run: K adaptation steps (k = 0..K), or {@code trial} for an
     *                  in-context learner, whose curve covers its trial
     * @param episodes  episodes sampled per task at each k (trials per task, for an in-context learner), >= 1
     * @param baselines reference policies evaluated beside the learner
     * @param stepSizes the step sizes each explicitly adapting arm chooses from on the validation tasks,
     *                  ascending, each finite and > 0; empty to adapt with the learner's own step size
     * @param target    the fraction of the optimal return whose first crossing is reported (episodes to
     *                  reach it), in (0, 1]; used where the family has an oracle
     */
    public EvaluationConfig {
        if (tasks < 1) {
            throw new IllegalArgumentException("tasks must be >= 1, got " + tasks);
        }
        if (steps == null) {
            throw new IllegalArgumentException("steps must be a whole number K >= 0 or 'trial'");
        }
        if (episodes < 1) {
            throw new IllegalArgumentException("episodes must be >= 1, got " + episodes);
        }
        if (baselines == null || baselines.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("baselines must be a list of " + Arrays.toString(
                    Baseline.values()) + ", got " + baselines);
        }
        if (baselines.stream().distinct().count() < baselines.size()) {
            throw new IllegalArgumentException("baselines must not repeat, got " + baselines);
        }
        baselines = List.copyOf(baselines);
        if (stepSizes == null || stepSizes.stream().anyMatch(a -> a == null || !(a > 0) || a.isInfinite())) {
            throw new IllegalArgumentException("stepSizes must be a list of finite numbers > 0, got " + stepSizes);
        }
        for (int i = 1; i < stepSizes.size(); i++) {
            if (!(stepSizes.get(i) > stepSizes.get(i - 1))) {
                throw new IllegalArgumentException("stepSizes must be ascending without repeats, got " + stepSizes);
            }
        }
        if (!stepSizes.isEmpty() && steps.count().isPresent() && steps.count().getAsInt() < 1) {
            throw new IllegalArgumentException("stepSizes need steps >= 1 to score them, got steps " + steps);
        }
        stepSizes = List.copyOf(stepSizes);
        if (!(target > 0 && target <= 1)) {
            throw new IllegalArgumentException("target must be in (0, 1], got " + target);
        }
    }

    /**
     * This evaluation with another number of tasks and steps (the CLI's {@code evaluate --tasks --steps});
     * a number of steps for an in-context learner plays trials of that many episodes plus one.
     */
    public EvaluationConfig with(int newTasks, EvaluationSteps newSteps) {
        return new EvaluationConfig(newTasks, newSteps, episodes, baselines, stepSizes, target);
    }

    /**
     * K for {@code learner}: the given number, or its trial's episodes less one.
     *
     * @throws IllegalArgumentException naming {@code evaluation.steps} when the form does not fit the learner
     */
    public int steps(LearnerConfig learner) {
        return steps.resolve(learner.trialEpisodes(), learner.name());
    }
}
