package io.github.metarl4j.sampler;

import java.util.List;

/** Per-task states in this process's memory, questions answered on the given threads, in task order. */
final class LocalStates<S extends AutoCloseable> implements TaskStates<S> {

    private final List<S> states;
    private final TaskThreads threads;

    LocalStates(List<S> states, TaskThreads threads) {
        this.states = List.copyOf(states);
        this.threads = threads;
    }

    @Override
    public int tasks() {
        return states.size();
    }

    @Override
    public <R> List<R> map(TaskQuery<S, R> query) {
        return threads.map(states.size(), i -> query.apply(states.get(i)));
    }

    /** Closes every state, last first; the first failure is rethrown after all are closed. */
    @Override
    public void close() {
        RuntimeException failure = null;
        for (int i = states.size() - 1; i >= 0; i--) {
            try {
                states.get(i).close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = e instanceof RuntimeException r ? r : new IllegalStateException(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
