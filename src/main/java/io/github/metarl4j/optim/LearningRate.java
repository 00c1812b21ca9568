package io.github.metarl4j.optim;

/**
 * A learning rate that falls (or rises) linearly from {@code initial} at the first optimiser step to
 * {@code last} at step {@code steps} and stays there, the annealing of PPO's step size in Schulman
 * et al., "Proximal Policy Optimization Algorithms" (2017); {@code steps} 0 keeps {@code initial}
 * throughout.
 *
 * @param initial the rate of step 0, finite and > 0
 * @param last    the rate from step {@code steps} on, finite and >= 0 (equal to {@code initial} when
 *                {@code steps} is 0)
 * @param steps   optimiser steps over which the rate moves, >= 0
 */
public record LearningRate(double initial, double last, long steps) implements java.io.Serializable {

    /**
     * Checks the arguments and holds them:
     *
     * @param initial the rate of step 0, finite and > 0
     * @param last    the rate from step {@code steps} on, finite and >= 0
     * @param steps   optimiser steps over which the rate moves, >= 0 (0: constant, and {@code last == initial})
     */
    public LearningRate {
        if (!(initial > 0) || Double.isInfinite(initial)) {
            throw new IllegalArgumentException("learning rate must be finite and > 0, got " + initial);
        }
        if (!(last >= 0) || Double.isInfinite(last)) {
            throw new IllegalArgumentException("final learning rate must be finite and >= 0, got " + last);
        }
        if (steps < 0) {
            throw new IllegalArgumentException("steps of the learning rate's decay must be >= 0, got " + steps);
        }
        if (steps == 0 && last != initial) {
            throw new IllegalArgumentException("a final learning rate (" + last + ") other than the initial ("
                    + initial + ") needs a number of steps to reach it, got 0");
        }
    }

    /** The constant rate {@code rate}. */
    public static LearningRate constant(double rate) {
        return new LearningRate(rate, rate, 0);
    }

    /** The rate of optimiser step {@code step} (0 for the first), {@code step >= 0}. */
    public double at(long step) {
        if (step < 0) {
            throw new IllegalArgumentException("step must be >= 0, got " + step);
        }
        if (step >= steps) {
            return last;
        }
        return initial + (last - initial) * ((double) step / steps);
    }
}
