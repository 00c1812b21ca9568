package io.github.metarl4j.run;

import io.github.metarl4j.algo.LearnerState;

/**
 * A learner's state after {@code batchesDone} meta-batches. Every generator of a run is derived
 * from the seed tree by batch index, so the index and the learner's state are all a resumed run
 * needs to continue bit for bit.
 *
 * @param batchesDone meta-batches completed, >= 0
 * @param state       the learner's parameters and optimiser state
 */
public record Checkpoint(long batchesDone, LearnerState state) {

    public Checkpoint {
        if (batchesDone < 0) {
            throw new IllegalArgumentException("batchesDone must be >= 0, got " + batchesDone);
        }
    }
}
