package io.github.metarl4j.sampler;

import java.io.Serial;
import java.io.Serializable;
import java.util.List;

/**
 * A policy for trials as data: a {@link PolicySpec} and one flat parameter vector. It plays in this
 * process by binding the spec once, on first use; serialised, it plays the same on another machine.
 * This is how RL^2 hands its policy to a {@link Sampler}.
 */
public final class TrialPolicyData implements TrialPolicy, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final PolicySpec<TrialPolicy> spec;
    private final double[] parameters;
    private transient TrialPolicy bound;

    /**
     * @param spec       the policy's kind and sizes
     * @param parameters the flat parameter vector, of the spec's length; copied
     */
    public TrialPolicyData(PolicySpec<TrialPolicy> spec, double[] parameters) {
        this.spec = spec;
        this.parameters = PolicyData.checked(spec, java.util.Collections.singletonList(parameters))[0];
    }

    /** The spec. */
    public PolicySpec<TrialPolicy> spec() {
        return spec;
    }

    /** The parameters, a copy. */
    public double[] parameters() {
        return parameters.clone();
    }

    @Override
    public Actor start(int trials, TrialInputs layout) {
        if (bound == null) {
            bound = spec.bind(List.of(parameters));
        }
        return bound.start(trials, layout);
    }
}
