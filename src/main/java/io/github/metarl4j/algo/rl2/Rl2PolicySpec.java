package io.github.metarl4j.algo.rl2;

import io.github.metarl4j.data.HostArrays;
import io.github.metarl4j.nn.RecurrentNet;
import io.github.metarl4j.sampler.PolicySpec;
import io.github.metarl4j.sampler.TrialPolicy;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * RL^2's policy ({@link Rl2Policy}) as data: the sizes and data type of its recurrent network.
 *
 * @param in       input width (the trial input row's)
 * @param hidden   H, the GRU's width
 * @param actions  the number of discrete actions (the policy head's width)
 * @param dataType FLOAT or DOUBLE
 */
public record Rl2PolicySpec(int in, int hidden, int actions, DataType dataType) implements PolicySpec<TrialPolicy> {

    /** The spec of {@code net}'s policy. */
    public static Rl2PolicySpec of(RecurrentNet net) {
        return new Rl2PolicySpec(net.in(), net.hidden(), net.out(), net.dataType());
    }

    /** The network this spec describes. */
    public RecurrentNet network() {
        return new RecurrentNet(in, hidden, actions, dataType);
    }

    @Override
    public int numParams() {
        return (int) network().numParams();
    }

    /** The policy at {@code parameters.get(0)} (one vector). */
    @Override
    public TrialPolicy bind(List<double[]> parameters) {
        if (parameters.size() != 1) {
            throw new IllegalArgumentException("RL^2's policy takes one parameter vector, got " + parameters.size());
        }
        double[] theta = parameters.get(0);
        return new Rl2Policy(network(), HostArrays.create(theta, dataType, theta.length));
    }
}
