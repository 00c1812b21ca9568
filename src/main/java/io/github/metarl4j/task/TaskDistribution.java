package io.github.metarl4j.task;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A distribution over tasks. Draws come only from the generator passed in, so the same
 * generator state gives the same tasks.
 *
 * @param <T> task type
 */
@FunctionalInterface
public interface TaskDistribution<T extends Task> {

    /**
     * Draws {@code n} tasks independently.
     *
     * @throws IllegalArgumentException if {@code n < 0}
     */
    List<T> sample(int n, RandomGenerator rng);

    /** The distribution that always yields {@code task}. */
    static <T extends Task> TaskDistribution<T> fixed(T task) {
        if (task == null) {
            throw new IllegalArgumentException("fixed task must be non-null");
        }
        return (n, rng) -> {
            checkCount(n);
            return java.util.Collections.nCopies(n, task);
        };
    }

    /** Throws an error naming {@code n} if it is negative. */
    static void checkCount(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("number of tasks must be >= 0, got " + n);
        }
    }
}
