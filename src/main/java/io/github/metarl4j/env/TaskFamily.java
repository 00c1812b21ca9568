package io.github.metarl4j.env;

import io.github.metarl4j.task.Task;
import io.github.metarl4j.task.TaskSplit;

/**
 * A task family: a distribution of tasks (split into meta-training and meta-test
 * distributions) and the factory of the environment that plays each task.
 *
 * <p>This is all a user writes to add a family: a {@link Task} record, a
 * {@link io.github.metarl4j.task.TaskDistribution}, an {@link Env}, and this record tying
 * them together; {@code ConformanceChecker} then checks it the way the built-in families
 * are checked.
 *
 * @param name    a short name for reports ("gridworld", "navigation-2d")
 * @param spec    spaces and horizon shared by every task's environment
 * @param tasks   the meta-training and meta-test task distributions
 * @param factory the environment of one task
 * @param <T>     task type
 * @param <O>     observation type
 * @param <A>     action type
 */
public record TaskFamily<T extends Task, O, A>(
        String name, EnvSpec<O, A> spec, TaskSplit<T> tasks, EnvFactory<T, O, A> factory) {

    /**
     * Checks the arguments and holds them:
     *
     * @param name    a short name for reports ("gridworld", "navigation-2d")
     * @param spec    spaces and horizon shared by every task's environment
     * @param tasks   the meta-training and meta-test task distributions
     * @param factory the environment of one task
     */
    public TaskFamily {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("family name must be non-blank, got '" + name + "'");
        }
        if (spec == null || tasks == null || factory == null) {
            throw new IllegalArgumentException("family '" + name + "' needs a spec, tasks and a factory");
        }
    }

    /** A new environment for {@code task}, truncated at the family's horizon. */
    public Env<O, A> create(T task) {
        if (task == null) {
            throw new IllegalArgumentException("task must be non-null");
        }
        return new TimeLimit<>(factory.create(task), spec.horizon());
    }
}
