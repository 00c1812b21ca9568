package io.github.metarl4j.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The machine's float matrix-product rate through ND4J's gemm with every thread multiplying at
 * once, as the benchmarks' yardstick: {@code [rows, width] x [width, width]} products into a
 * preallocated output, repeated on each thread after a warm-up, total flops over wall time.
 */
final class GemmRate {

    private GemmRate() {
    }

    /** GFLOP/s of {@code threads} threads each running {@code repeats} products of the given shape. */
    static double gflops(int threads, int rows, int width, int repeats) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Runnable> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                INDArray a = Nd4j.rand(DataType.FLOAT, rows, width);
                INDArray b = Nd4j.rand(DataType.FLOAT, width, width);
                INDArray c = Nd4j.create(DataType.FLOAT, rows, width);
                work.add(() -> {
                    for (int i = 0; i < repeats; i++) {
                        Nd4j.gemm(a, b, c, false, false, 1.0, 0.0);
                    }
                });
            }
            run(pool, work);
            long t0 = System.nanoTime();
            run(pool, work);
            double seconds = (System.nanoTime() - t0) / 1e9;
            return 2.0 * rows * width * width * repeats * threads / seconds / 1e9;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void run(ExecutorService pool, List<Runnable> work) throws Exception {
        List<Future<?>> running = new ArrayList<>();
        for (Runnable r : work) {
            running.add(pool.submit(r));
        }
        for (Future<?> f : running) {
            f.get();
        }
    }
}
