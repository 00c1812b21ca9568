package io.github.metarl4j.algo;

import io.github.metarl4j.optim.AdamOptimizer;
import java.util.Optional;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A meta-learner whose whole state is a flat parameter vector {@code theta [P]} and, when it has
 * one, an Adam optimiser: the one place that writes that state as named arrays
 * ({@link LearnerState}) and restores it. MAML, the pretrained baseline and RL^2 extend it; a
 * learner with more state implements {@link MetaLearner} directly.
 */
public abstract class ParametricLearner implements MetaLearner {

    private final long numParams;
    private final DataType dataType;
    private final Optional<AdamOptimizer> adam;
    private INDArray theta;

    /**
     * @param theta the initial parameters {@code [P]} (not copied; never mutated)
     * @param adam  the optimiser whose moments belong to the state, or empty when the learner has none
     */
    protected ParametricLearner(INDArray theta, Optional<AdamOptimizer> adam) {
        if (theta == null || theta.rank() != 1 || !theta.dataType().isFPType()) {
            throw new IllegalArgumentException("initial parameters must be a floating-point vector [P], got "
                    + (theta == null ? "null" : theta.dataType() + " " + java.util.Arrays.toString(theta.shape())));
        }
        this.numParams = theta.length();
        this.dataType = theta.dataType();
        this.adam = adam;
        this.theta = theta;
    }

    /** The current meta-parameters, a flat vector {@code [P]} (never mutated afterwards). */
    @Override
    public final INDArray parameters() {
        return theta;
    }

    /** Parameters ({@code "theta"}) and, when there is one, the optimiser's moments and iteration. */
    @Override
    public final LearnerState state() {
        return LearnerState.of(theta, adam);
    }

    /** Continues from {@code state}; nothing changes when an entry is missing or has the wrong length. */
    @Override
    public final void restore(LearnerState state) {
        INDArray restored = state.theta(numParams, dataType);
        adam.ifPresent(state::restoreInto);
        theta = restored;
    }

    /** Replaces the meta-parameters with {@code next}, of the same length and type. */
    protected final void replace(INDArray next) {
        if (next.length() != numParams || next.dataType() != dataType) {
            throw new IllegalArgumentException("new parameters must be " + dataType + " [" + numParams + "], got "
                    + next.dataType() + " [" + next.length() + "]");
        }
        theta = next;
    }

    /**
     * The optimiser.
     *
     * @throws IllegalStateException if the learner was made without one
     */
    protected final AdamOptimizer adam() {
        return adam.orElseThrow(() -> new IllegalStateException("this learner has no Adam optimiser"));
    }
}
