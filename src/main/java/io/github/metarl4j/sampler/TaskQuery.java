package io.github.metarl4j.sampler;

import java.io.Serializable;

/**
 * A question asked of every task's state by {@link TaskStates#map}: a value or a vector (as
 * {@code double[]}, which every back end can return) computed from the task's state alone.
 * Serialisable: it carries its inputs (a flat parameter vector) to wherever the states live.
 *
 * @param <S> the state of one task
 * @param <R> the answer
 */
@FunctionalInterface
public interface TaskQuery<S, R> extends Serializable {

    /** The answer of one task's state. */
    R apply(S state);
}
