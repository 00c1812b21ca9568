package io.github.metarl4j.nn;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A pool of reusable native {@code [rows, cols]} buffers, for the large intermediate arrays of
 * the network passes. Measured here: allocating a fresh {@code [40000, 64]} double array and
 * writing it costs 50-70 ms (page faults on fresh native memory, and GC stalls because ND4J
 * frees native memory only when the Java GC runs), against 12 ms for the gemm that fills it;
 * a pooled buffer costs nothing.
 *
 * <p>Buffers are handed out in leases with stack discipline: everything taken after
 * {@link #lease()} returns to the pool when that lease closes, and its contents may then be
 * overwritten. A buffer's contents are undefined when taken. Not thread-safe: one per thread.
 */
public final class Scratch {

    private record Key(DataType type, long rows, long cols) {
    }

    private final Map<Key, ArrayDeque<INDArray>> free = new HashMap<>();
    private final List<INDArray> taken = new ArrayList<>();

    /** A buffer of the given shape, uninitialised, held until the current lease closes. */
    public INDArray take(DataType type, long rows, long cols) {
        ArrayDeque<INDArray> pool = free.computeIfAbsent(new Key(type, rows, cols), k -> new ArrayDeque<>());
        INDArray a = pool.isEmpty() ? Nd4j.createUninitialized(type, rows, cols) : pool.pop();
        taken.add(a);
        return a;
    }

    /** Opens a lease: closing it returns every buffer taken since to the pool. */
    public Lease lease() {
        return new Lease(taken.size());
    }

    /** A scope of buffers; see {@link Scratch#lease()}. */
    public final class Lease implements AutoCloseable {
        private final int mark;

        private Lease(int mark) {
            this.mark = mark;
        }

        @Override
        public void close() {
            while (taken.size() > mark) {
                INDArray a = taken.remove(taken.size() - 1);
                free.get(new Key(a.dataType(), a.size(0), a.size(1))).push(a);
            }
        }
    }
}
