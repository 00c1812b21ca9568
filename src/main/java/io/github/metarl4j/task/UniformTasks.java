package io.github.metarl4j.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The uniform distribution over a finite list of tasks.
 *
 * @param tasks the tasks, at least one, each listed once; each draw picks one uniformly
 * @param <T>     task type
 */
public record UniformTasks<T extends Task>(List<T> tasks) implements TaskDistribution<T> {

    /**
     * Checks the arguments and holds them:
     *
     * @param tasks the tasks, at least one, each listed once; each draw picks one uniformly
     */
    public UniformTasks {
        if (tasks == null || tasks.isEmpty()) {
            throw new IllegalArgumentException("a uniform task distribution needs at least one task, got " + tasks);
        }
        if (tasks.stream().distinct().count() < tasks.size()) {
            throw new IllegalArgumentException("a uniform task distribution lists each task once, got " + tasks);
        }
        tasks = List.copyOf(tasks);
    }

    /** The listed tasks. */
    @Override
    public Optional<List<T>> support() {
        return Optional.of(tasks);
    }

    @Override
    public List<T> sample(int n, RandomGenerator rng) {
        TaskDistribution.checkCount(n);
        List<T> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(tasks.get(rng.nextInt(tasks.size())));
        }
        return out;
    }
}
