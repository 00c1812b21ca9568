package io.github.metarl4j.offline.ope;

/** The policy being evaluated: the probability (or density) of an action given an observation. */
@FunctionalInterface
public interface TargetPolicy {

    /** {@code pi(action | observation)}, at least 0. */
    double probability(double[] observation, double[] action);
}
