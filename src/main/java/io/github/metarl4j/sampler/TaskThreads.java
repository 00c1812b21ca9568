package io.github.metarl4j.sampler;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Runs independent per-task work on a fixed number of threads and returns the results in task
 * order, so that sums over tasks are taken in the same order (and are bit-identical) whatever the
 * thread count. One thread runs everything on the caller's thread.
 */
public final class TaskThreads implements AutoCloseable {

    private final ForkJoinPool pool;

    /** @param threads at least 1; one runs everything on the caller's thread */
    public TaskThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        pool = threads == 1 ? null : new ForkJoinPool(threads);
    }

    /** {@code work(0), ..., work(n - 1)}, in task order. */
    public <R> List<R> map(int n, IntFunction<R> work) {
        List<R> out = new ArrayList<>(n);
        if (pool == null) {
            for (int i = 0; i < n; i++) {
                out.add(work.apply(i));
            }
            return out;
        }
        List<Callable<R>> tasks = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int index = i;
            tasks.add(() -> work.apply(index));
        }
        for (Future<R> f : pool.invokeAll(tasks)) {
            try {
                out.add(f.get());
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        return out;
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
