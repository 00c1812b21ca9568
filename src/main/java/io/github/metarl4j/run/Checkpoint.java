package io.github.metarl4j.run;

import io.github.metarl4j.algo.LearnerState;

/**
 * A learner's state after {@code batchesDone} meta-batches, with the resolved config it was
 * trained under. Every generator of a run is derived from the seed tree by batch index, so the
 * index and the learner's state are all a resumed run needs to continue bit for bit; the config
 * lets a resume refuse to continue under different settings.
 *
 * @param batchesDone meta-batches completed, >= 0
 * @param state       the learner's parameters and optimiser state
 * @param config      the resolved config's text (YAML) the batches were trained under; empty for a
 *                    run that has none (an in-memory run)
 */
public record Checkpoint(long batchesDone, LearnerState state, String config) {

    /**
     * Checks the arguments and holds them:
     *
     * @param batchesDone meta-batches completed, >= 0
     * @param state       the learner's parameters and optimiser state
     * @param config      the resolved config's text (YAML) the batches were trained under; empty for a
     *                    run that has none (an in-memory run)
     */
    public Checkpoint {
        if (batchesDone < 0) {
            throw new IllegalArgumentException("batchesDone must be >= 0, got " + batchesDone);
        }
        java.util.Objects.requireNonNull(config, "config");
    }

    /** The config's fingerprint: the SHA-256 of its UTF-8 text, in hexadecimal. */
    public String configFingerprint() {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(config.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
