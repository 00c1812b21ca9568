package io.github.metarl4j.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

    /**
     * The finite set of tasks this distribution draws from, if it is finite; empty for a distribution
     * over a continuum (goal positions, reward probabilities), where two draws coincide with
     * probability 0. Task splits use it to check that training and held-out tasks are disjoint.
     */
    default Optional<List<T>> support() {
        return Optional.empty();
    }

    /**
     * Up to {@code n} held-out tasks, none twice: over a finite support, a uniform draw without
     * replacement of {@code min(n, |support|)} tasks (so all of a support smaller than {@code n},
     * in random order); otherwise {@code n} independent draws.
     */
    default List<T> distinct(int n, RandomGenerator rng) {
        checkCount(n);
        Optional<List<T>> finite = support();
        if (finite.isEmpty()) {
            return sample(n, rng);
        }
        List<T> pool = new ArrayList<>(finite.get());
        int m = Math.min(n, pool.size());
        for (int i = 0; i < m; i++) {
            java.util.Collections.swap(pool, i, i + rng.nextInt(pool.size() - i));
        }
        return List.copyOf(pool.subList(0, m));
    }

    /** The distribution that always yields {@code task}. */
    static <T extends Task> TaskDistribution<T> fixed(T task) {
        if (task == null) {
            throw new IllegalArgumentException("fixed task must be non-null");
        }
        return new UniformTasks<>(List.of(task));
    }

    /** Throws an error naming {@code n} if it is negative. */
    static void checkCount(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("number of tasks must be >= 0, got " + n);
        }
    }
}
