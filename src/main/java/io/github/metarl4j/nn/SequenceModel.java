package io.github.metarl4j.nn;

import java.io.Serializable;
import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A network over sequences with memory, as a pure function of a flat parameter vector
 * {@code theta [P]}: inputs {@code [T, B, in]} give a policy head {@code [T, B, out]}, a value
 * head {@code [T, B]} and an auxiliary head {@code [T, B, aux]} (none when aux = 0: a head that an
 * auxiliary loss trains, shaping the memory without acting), each step seeing only the steps
 * before it. RL^2's learner and policy see only
 * this contract, so a transformer can sit beside the GRU ({@link RecurrentNet}) without touching
 * them. A model is a small serialisable value (its sizes and data type), so a policy built on it
 * can be shipped as data.
 */
public interface SequenceModel extends Serializable {

    /** Input width. */
    int in();

    /** Policy head width. */
    int out();

    /** aux: the auxiliary head's width, 0 when it has none. */
    int auxiliary();

    /** P. */
    int numParams();

    /** FLOAT or DOUBLE, for parameters, inputs and results. */
    DataType dataType();

    /** A fresh parameter vector {@code [P]} drawn from {@code rng}. */
    INDArray initialParameters(RandomGenerator rng);

    /**
     * Checks that {@code theta} is a parameter vector of this model.
     *
     * @param what names the vector in the error
     * @throws IllegalArgumentException naming {@code what}, the expected and the actual shape and type
     */
    default void checkParameters(INDArray theta, String what) {
        if (theta == null || theta.rank() != 1 || theta.length() != numParams() || theta.dataType() != dataType()) {
            throw new IllegalArgumentException(what + " must be a " + dataType() + " vector of length " + numParams()
                    + ", got " + (theta == null ? "null" : theta.dataType() + " " + java.util.Arrays.toString(theta.shape())));
        }
    }

    /**
     * Runs {@code x [T, B, in]} from empty memory.
     *
     * @return the pass: the heads, and the exact gradient of any linear function of them
     */
    SequencePass forward(INDArray theta, INDArray x);

    /**
     * The range {@code [from, to)} of the parameters that the value head alone reads (no output of
     * the policy head depends on them), so that a learner can fit the value apart from the policy.
     */
    long[] valueParameters();

    /** Empty memory for acting on {@code batch} sequences one step at a time with {@code theta}. */
    Stepper start(INDArray theta, int batch);

    /** One sequence batch being acted on, step by step; use it from one thread. */
    @FunctionalInterface
    interface Stepper {

        /** The policy head {@code [B, out]} for the next inputs {@code x [B, in]}, remembered for later steps. */
        INDArray step(INDArray x);
    }
}
