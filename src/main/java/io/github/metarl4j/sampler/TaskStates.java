package io.github.metarl4j.sampler;

import java.util.List;

/**
 * The per-task states of one call of {@link Sampler#open}, kept where the back end built them (this
 * process's memory, or the executors of a cluster) until closed, so that a learner's repeated
 * questions (the conjugate-gradient products of one outer step) reuse them.
 *
 * @param <S> the state of one task
 */
public interface TaskStates<S> extends AutoCloseable {

    /** States kept in this process, questions answered on {@code threads} (which the caller owns). */
    static <S extends AutoCloseable> TaskStates<S> of(List<S> states, TaskThreads threads) {
        return new LocalStates<>(states, threads);
    }

    /** The number of tasks. */
    int tasks();

    /**
     * Every task's answer to {@code query}, in task order. A caller that reduces them does so in this
     * order, so the result does not depend on the back end.
     */
    <R> List<R> map(TaskQuery<S, R> query);

    /** Releases the states (and their native buffers). */
    @Override
    void close();
}
