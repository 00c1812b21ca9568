package io.github.metarl4j.eval;

import io.github.metarl4j.env.TaskFamily;
import io.github.metarl4j.random.SeedTree;
import io.github.metarl4j.sampler.ActionFunction;
import io.github.metarl4j.sampler.RandomActions;
import io.github.metarl4j.sampler.Sampler;
import io.github.metarl4j.task.Oracle;
import io.github.metarl4j.task.Task;
import java.util.List;
import java.util.Locale;

/**
 * An offline learner's score on fresh tasks of its dataset's own distribution, against the exact
 * optimum: the D4RL-normalised score (Fu et al. 2020) {@code 100 (J - J_random) / (J_optimal - J_random)}
 * with {@code J_optimal} from the oracle and {@code J_random} the uniform policy's return on the same
 * tasks and environment seeds. Per task i, {@code 100 (J_i - J_random,i) / (mean J_optimal - mean J_random)};
 * the interval is over tasks (the denominator taken as known).
 *
 * @param learned    the learned policy's mean episode return per task, over tasks
 * @param random     the uniform policy's, over the same tasks
 * @param optimal    the oracle's mean optimal return over the tasks
 * @param normalised the normalised score, over tasks
 */
public record OfflineScore(ConfidenceInterval learned, ConfidenceInterval random, double optimal,
                           ConfidenceInterval normalised) {

    /**
     * Plays {@code episodes} episodes of each task with the learned policy and with uniform actions,
     * both from generators of {@code seeds} (the same environment seeds), and scores them.
     *
     * @throws IllegalArgumentException if the optimum does not exceed the random policy's return
     */
    public static <T extends Task, O, A> OfflineScore measure(ActionFunction learned, TaskFamily<T, O, A> family,
                                                              List<T> tasks, Oracle<T> oracle, int episodes,
                                                              Sampler sampler, SeedTree seeds) {
        double[] j = sampler.sample(family, tasks, episodes, learned, seeds.generator()).meanReturnPerTask();
        double[] jr = sampler.sample(family, tasks, episodes, new RandomActions<>(family.spec().actionSpace()),
                seeds.generator()).meanReturnPerTask();
        double optimal = tasks.stream().mapToDouble(oracle::optimalReturn).average().orElseThrow();
        double randomMean = java.util.Arrays.stream(jr).average().orElseThrow();
        if (!(optimal > randomMean)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "the normalised score needs an optimal "
                    + "return above the random policy's, got %.4f and %.4f", optimal, randomMean));
        }
        double[] score = new double[j.length];
        for (int i = 0; i < j.length; i++) {
            score[i] = 100 * (j[i] - jr[i]) / (optimal - randomMean);
        }
        return new OfflineScore(ConfidenceInterval.of95(j), ConfidenceInterval.of95(jr), optimal,
                ConfidenceInterval.of95(score));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "normalised score %s (return %s; random %s; optimal %.4f; %d tasks)",
                interval(normalised, "%.1f"), interval(learned, "%.4f"), interval(random, "%.4f"), optimal,
                learned.n());
    }

    private static String interval(ConfidenceInterval c, String format) {
        return c.hasInterval() ? String.format(Locale.ROOT, format + " +- " + format, c.mean(), c.halfWidth())
                : String.format(Locale.ROOT, format, c.mean());
    }
}
