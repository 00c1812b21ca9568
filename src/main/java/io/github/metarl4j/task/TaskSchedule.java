package io.github.metarl4j.task;

import java.util.ArrayList;
import java.util.List;

/**
 * Which task distribution is in force at each step of training (a meta-batch index), for
 * non-stationary and forgetting experiments: train on A, then on B, then measure what is
 * left of A.
 *
 * @param <T> task type
 */
@FunctionalInterface
public interface TaskSchedule<T extends Task> {

    /** The distribution in force at training step {@code step >= 0}. */
    TaskDistribution<T> at(long step);

    /** Always {@code distribution}. */
    static <T extends Task> TaskSchedule<T> constant(TaskDistribution<T> distribution) {
        return cyclic(List.of(distribution), 1);
    }

    /** A for {@code period} steps, then B for {@code period} steps, and so on. */
    static <T extends Task> TaskSchedule<T> alternating(TaskDistribution<T> a, TaskDistribution<T> b, int period) {
        return cyclic(List.of(a, b), period);
    }

    /** Each distribution of {@code phases} in turn for {@code period} steps, cycling. */
    static <T extends Task> TaskSchedule<T> cyclic(List<TaskDistribution<T>> phases, int period) {
        if (phases == null || phases.isEmpty()) {
            throw new IllegalArgumentException("schedule phases must be non-empty, got " + phases);
        }
        if (period < 1) {
            throw new IllegalArgumentException("schedule period must be >= 1, got " + period);
        }
        List<TaskDistribution<T>> copy = List.copyOf(phases);
        return step -> copy.get((int) (checkStep(step) / period % copy.size()));
    }

    /**
     * A gradual shift from A to B: at step t each task comes from B with probability
     * {@code min(1, t / duration)}, else from A; from {@code duration} on, B alone.
     */
    static <T extends Task> TaskSchedule<T> drift(TaskDistribution<T> a, TaskDistribution<T> b, int duration) {
        if (duration < 1) {
            throw new IllegalArgumentException("drift duration must be >= 1, got " + duration);
        }
        return step -> {
            double w = Math.min(1.0, checkStep(step) / (double) duration);
            return (n, rng) -> {
                TaskDistribution.checkCount(n);
                List<T> out = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    boolean fromB = rng.nextDouble() < w;
                    out.add((fromB ? b : a).sample(1, rng).get(0));
                }
                return out;
            };
        };
    }

    private static long checkStep(long step) {
        if (step < 0) {
            throw new IllegalArgumentException("schedule step must be >= 0, got " + step);
        }
        return step;
    }
}
