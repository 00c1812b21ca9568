package io.github.metarl4j.env;

import io.github.metarl4j.task.Task;

/**
 * Makes the environment that plays one task. Each call returns a new, independent instance.
 *
 * @param <T> task type
 * @param <O> observation type
 * @param <A> action type
 */
@FunctionalInterface
public interface EnvFactory<T extends Task, O, A> {

    Env<O, A> create(T task);
}
