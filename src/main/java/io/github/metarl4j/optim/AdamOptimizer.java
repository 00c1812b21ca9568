package io.github.metarl4j.optim;

import io.github.metarl4j.data.HostArrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.schedule.ISchedule;

/**
 * Adam (Kingma and Ba, ICLR 2015) over a flat parameter vector, through ND4J's updater, which
 * uses the paper's efficient form: {@code alpha_t = lr sqrt(1 - beta2^t) / (1 - beta1^t)},
 * {@code theta_{t+1} = theta_t - alpha_t m_t / (sqrt(v_t) + eps)}, with ND4J's defaults (beta1 0.9,
 * beta2 0.999, eps 1e-8), {@code lr} being the {@link LearningRate} of the step (a constant, or
 * PPO's linear anneal). Keeps its moment estimates and step count across steps; returns new
 * parameter vectors and never mutates the caller's.
 */
public final class AdamOptimizer {

    private final GradientUpdater updater;
    private final INDArray state;
    private final LearningRate learningRate;
    private final long numParams;
    private int iteration;

    /**
     * @param learningRate Adam's step size lr of each step, by the step's index (from 0; a restored
     *                     optimiser continues the count)
     * @param numParams    the length of the parameter vectors it will update
     * @param dataType     the data type of its moment estimates (the parameters')
     */
    public AdamOptimizer(LearningRate learningRate, long numParams, DataType dataType) {
        Adam adam = new Adam(new Schedule(learningRate));
        this.learningRate = learningRate;
        this.numParams = numParams;
        this.state = Nd4j.zeros(dataType, 1, adam.stateSize(numParams));
        this.updater = adam.instantiate(state, true);
    }

    /** The parameters after one step from {@code theta} along {@code gradient} (of a loss to minimise). */
    public INDArray step(INDArray theta, INDArray gradient) {
        if (gradient.length() != numParams || theta.length() != numParams) {
            throw new IllegalArgumentException("theta and gradient must have length " + numParams + ", got "
                    + theta.length() + " and " + gradient.length());
        }
        INDArray update = gradient.reshape('c', new long[] {1, numParams}).dup();
        boolean still = learningRate.at(iteration) == 0;
        updater.applyUpdater(update, iteration++, 0);
        // at rate 0 the moments move and the parameters stay (ND4J's native step would put its eps
        // in place of a zero step size, moving them by about 1e-8)
        return still ? theta.dup() : theta.sub(update.reshape('c', new long[] {numParams}));
    }

    /** {@link LearningRate} as ND4J's schedule over the updater's iteration (the step's index). */
    private record Schedule(LearningRate rate) implements ISchedule {

        @Override
        public double valueAt(int iteration, int epoch) {
            return rate.at(iteration);
        }

        @Override
        public ISchedule clone() {
            return this;
        }
    }

    /** Steps taken so far. */
    public int iteration() {
        return iteration;
    }

    /** The moment estimates {@code [m, v]} as one flat copy, {@code [2 P]}, for a checkpoint. */
    public double[] moments() {
        return HostArrays.read(state);
    }

    /**
     * Continues from saved {@link #moments()} after {@code iterations} steps, so the next step is the
     * one an uninterrupted optimiser would take.
     */
    public void restore(double[] moments, int iterations) {
        if (moments.length != state.length() || iterations < 0) {
            throw new IllegalArgumentException("Adam state must have " + state.length() + " moments and >= 0"
                    + " iterations, got " + moments.length + " and " + iterations);
        }
        HostArrays.write(state, moments, 0);
        iteration = iterations;
    }
}
