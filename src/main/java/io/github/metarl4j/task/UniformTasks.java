package io.github.metarl4j.task;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The uniform distribution over a finite list of tasks.
 *
 * @param support the tasks, at least one; each draw picks one uniformly
 * @param <T>     task type
 */
public record UniformTasks<T extends Task>(List<T> support) implements TaskDistribution<T> {

    public UniformTasks {
        if (support == null || support.isEmpty()) {
            throw new IllegalArgumentException("a uniform task distribution needs at least one task, got " + support);
        }
        support = List.copyOf(support);
    }

    @Override
    public List<T> sample(int n, RandomGenerator rng) {
        TaskDistribution.checkCount(n);
        List<T> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(support.get(rng.nextInt(support.size())));
        }
        return out;
    }
}
