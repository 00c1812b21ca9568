/**
 * Runs: the training loop every {@link io.github.metarl4j.algo.MetaLearner} is trained by
 * ({@link io.github.metarl4j.run.Trainer}), atomic checksummed checkpoints with exact resume,
 * per-batch metrics, guards against non-finite values, and provenance.
 */
package io.github.metarl4j.run;
