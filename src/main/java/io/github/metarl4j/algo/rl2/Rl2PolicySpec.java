package io.github.metarl4j.algo.rl2;

import io.github.metarl4j.data.HostArrays;
import io.github.metarl4j.nn.SequenceModel;
import io.github.metarl4j.sampler.PolicySpec;
import io.github.metarl4j.sampler.TrialPolicy;
import java.util.List;

/**
 * RL^2's policy ({@link Rl2Policy}) as data: its sequence model (sizes and data type; the GRU,
 * {@link io.github.metarl4j.nn.RecurrentNet}, is one).
 *
 * @param model       the network, without parameters
 * @param inputs      what the network reads of each step
 * @param temperature the logits are divided by it before the draw: 1 is the trained policy; below
 *                    1 a sharper one (a diagnostic of what the policy's randomness costs), finite and > 0
 */
public record Rl2PolicySpec(SequenceModel model, Rl2Inputs inputs, double temperature)
        implements PolicySpec<TrialPolicy> {

    /**
     * Checks the arguments and holds them:
     *
     * @param model       the network, without parameters
     * @param inputs      what the network reads of each step
     * @param temperature the divisor of the logits, finite and > 0 (1: the trained policy)
     */
    public Rl2PolicySpec {
        Rl2Policy.checkTemperature(temperature);
    }

    /** The same policy with its logits divided by {@code t}. */
    public Rl2PolicySpec atTemperature(double t) {
        return new Rl2PolicySpec(model, inputs, t);
    }

    @Override
    public int numParams() {
        return model.numParams();
    }

    /** The policy at {@code parameters.get(0)} (one vector). */
    @Override
    public TrialPolicy bind(List<double[]> parameters) {
        if (parameters.size() != 1) {
            throw new IllegalArgumentException("RL^2's policy takes one parameter vector, got " + parameters.size());
        }
        double[] theta = parameters.get(0);
        return inputs.wrap(new Rl2Policy(model, HostArrays.create(theta, model.dataType(), theta.length), temperature));
    }
}
