package io.github.metarl4j.sampler;

import java.io.Serializable;
import java.util.List;

/**
 * What a policy is without its parameters (its kind, layer sizes, activation, data type): with
 * flat parameter vectors, everything a sampler on another machine needs to rebuild the policy and
 * act with it ({@link PolicyData}, {@link TrialPolicyData}). A spec is a small serialisable value,
 * usually a record; rebuilding from it gives the same actions, bit for bit, as the policy it
 * describes.
 *
 * @param <P> what it binds to: {@link ActionFunction} for episodes, {@link TrialPolicy} for trials
 */
public interface PolicySpec<P> extends Serializable {

    /** P, the length of each parameter vector (0 for an agent without parameters). */
    int numParams();

    /**
     * The policy in this process with the given parameters.
     *
     * @param parameters M >= 1 vectors {@code [P]}; for an {@link ActionFunction}, row block i of
     *                   {@code M} equal blocks acts with vector i (one vector: every row)
     */
    P bind(List<double[]> parameters);
}
