package io.github.metarl4j.experiment.config;

import java.io.Serializable;

/**
 * How long and where a run trains.
 *
 * @param metaBatches     meta-batches to train, >= 1
 * @param threads         threads for sampling and the outer step, >= 1
 * @param checkpointEvery meta-batches between checkpoints, >= 1 (one is also written at the end and on a stop request)
 * @param keepCheckpoints newest checkpoints kept, >= 2 (so a corrupt newest one leaves an older one)
 * @param executor        where per-task work runs: {@code IN_PROCESS} (default) or {@code SPARK}
 * @param master          the Spark master URL when {@code executor} is {@code SPARK}: {@code local[*]}
 *                        (default: an embedded Spark on this machine's cores) or a cluster's, such as
 *                        {@code spark://host:7077}
 */
public record RunSettings(int metaBatches, int threads, int checkpointEvery, int keepCheckpoints, Executor executor,
                          String master) implements Serializable {

    /** Where a run's per-task work runs; the results are the same on either. */
    public enum Executor {
        /** This JVM's threads ({@code run.threads}). */
        IN_PROCESS,
        /** A Spark context on {@code run.master} ({@code io.github.metarl4j.spark.SparkSampler}). */
        SPARK
    }

    /** The default of {@code run.executor}. */
    public static final Executor DEFAULT_EXECUTOR = Executor.IN_PROCESS;

    /** The default of {@code run.master}: Spark embedded in this JVM, on all its cores. */
    public static final String DEFAULT_MASTER = "local[*]";

    /** The most threads a run may ask for (each holds its own scratch buffers and a native stack). */
    public static final int MAX_THREADS = 1024;

    /**
     * Checks the arguments and holds them:
     *
     * @param metaBatches     meta-batches to train, >= 1
     * @param threads         threads for sampling and the outer step, >= 1
     * @param checkpointEvery meta-batches between checkpoints, >= 1 (one is also written at the end and on a stop request)
     * @param keepCheckpoints newest checkpoints kept, >= 2 (so a corrupt newest one leaves an older one)
     * @param executor        where per-task work runs
     * @param master          the Spark master URL
     */
    public RunSettings {
        if (metaBatches < 1) {
            throw new IllegalArgumentException("metaBatches must be >= 1, got " + metaBatches);
        }
        if (threads < 1 || threads > MAX_THREADS) {
            throw new IllegalArgumentException("threads must be in [1, " + MAX_THREADS + "], got " + threads);
        }
        if (checkpointEvery < 1) {
            throw new IllegalArgumentException("checkpointEvery must be >= 1, got " + checkpointEvery);
        }
        if (keepCheckpoints < 2) {
            throw new IllegalArgumentException("keepCheckpoints must be >= 2, got " + keepCheckpoints);
        }
        if (executor == null) {
            throw new IllegalArgumentException("executor must be IN_PROCESS or SPARK");
        }
        if (master == null || master.isBlank() || !(master.startsWith("local") || master.contains("://"))) {
            throw new IllegalArgumentException("master must be a Spark master URL such as local[*] or "
                    + "spark://host:7077, got '" + master + "'");
        }
    }

    /** These settings in process, with the default master. */
    public static RunSettings inProcess(int metaBatches, int threads, int checkpointEvery, int keepCheckpoints) {
        return new RunSettings(metaBatches, threads, checkpointEvery, keepCheckpoints, DEFAULT_EXECUTOR,
                DEFAULT_MASTER);
    }
}
