package io.github.metarl4j.experiment.config;

/**
 * How long and where a run trains.
 *
 * @param metaBatches     meta-batches to train, >= 1
 * @param threads         threads for sampling and the outer step, >= 1
 * @param checkpointEvery meta-batches between checkpoints, >= 1 (one is also written at the end and on a stop request)
 * @param keepCheckpoints newest checkpoints kept, >= 2 (so a corrupt newest one leaves an older one)
 */
public record RunSettings(int metaBatches, int threads, int checkpointEvery, int keepCheckpoints) {

    /** The most threads a run may ask for (each holds its own scratch buffers and a native stack). */
    public static final int MAX_THREADS = 1024;

    /**
     * Checks the arguments and holds them:
     *
     * @param metaBatches     meta-batches to train, >= 1
     * @param threads         threads for sampling and the outer step, >= 1
     * @param checkpointEvery meta-batches between checkpoints, >= 1 (one is also written at the end and on a stop request)
     * @param keepCheckpoints newest checkpoints kept, >= 2 (so a corrupt newest one leaves an older one)
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
    }
}
