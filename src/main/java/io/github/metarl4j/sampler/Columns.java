package io.github.metarl4j.sampler;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * Runs a task for each of B columns in at most {@code threads} contiguous chunks: chunk 0 on the
 * calling thread, the others on the pool. Columns must be independent (each writes only its own
 * slots), so the result does not depend on the number of threads. The first failure, in chunk
 * order, is rethrown after every chunk has finished.
 */
final class Columns {

    private final ForkJoinPool pool;
    private final int threads;

    /**
     * @param pool    the pool for chunks 1.., or null to run everything on the caller's thread
     * @param threads the number of chunks at most, the caller's included
     */
    Columns(ForkJoinPool pool, int threads) {
        this.pool = pool;
        this.threads = threads;
    }

    /** Calls {@code column} for every column in {@code [0, b)}. */
    void forEach(int b, IntConsumer column) {
        int chunks = Math.min(threads, b);
        if (pool == null || chunks <= 1) {
            range(0, b, column);
            return;
        }
        List<Future<?>> others = new ArrayList<>(chunks - 1);
        for (int c = 1; c < chunks; c++) {
            int from = (int) ((long) b * c / chunks);
            int to = (int) ((long) b * (c + 1) / chunks);
            others.add(pool.submit(() -> range(from, to, column)));
        }
        RuntimeException first = null;
        try {
            range(0, (int) ((long) b / chunks), column);
        } catch (RuntimeException e) {
            first = e;
        }
        for (Future<?> f : others) {
            try {
                f.get();
            } catch (ExecutionException e) {
                if (first == null) {
                    first = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("rollout interrupted", e);
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private static void range(int from, int to, IntConsumer column) {
        for (int col = from; col < to; col++) {
            column.accept(col);
        }
    }
}
