package io.github.metarl4j.policy;

import io.github.metarl4j.sampler.ActionFunction;
import io.github.metarl4j.sampler.PolicySpec;

/**
 * A policy as data, without parameters, that rebuilds the whole {@link Policy} (its log-probabilities
 * and derivative products, not only its actions): what a back end ships to another machine so that
 * a learner's per-task work (inner adaptation, surrogate, curvature products) runs there.
 */
public interface PolicyDescription extends PolicySpec<ActionFunction> {

    /** The policy this describes; computes exactly what the original does. */
    Policy policy();
}
