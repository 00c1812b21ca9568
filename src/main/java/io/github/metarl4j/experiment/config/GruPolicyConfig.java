package io.github.metarl4j.experiment.config;

import io.github.metarl4j.env.EnvSpec;
import io.github.metarl4j.nn.RecurrentNet;
import io.github.metarl4j.nn.SeparateValueNet;
import io.github.metarl4j.nn.SequenceModel;
import io.github.metarl4j.space.Discrete;
import java.util.List;

/**
 * {@code policy: {type: gru}}: one GRU layer (its own tanh and sigmoid gates) with a categorical
 * policy head and a value head ({@link RecurrentNet}), RL^2's network (Duan et al. 2016); with
 * {@code separateValue}, the value head sits on a second GRU of the same width
 * ({@link SeparateValueNet}).
 *
 * @param hidden        H, the GRU's width, >= 1
 * @param separateValue whether the value has a GRU of its own
 * @param dataType      FLOAT or DOUBLE
 */
public record GruPolicyConfig(int hidden, boolean separateValue, Precision dataType) implements SequencePolicyConfig {

    /**
     * Checks the arguments and holds them:
     *
     * @param hidden        H, the GRU's width, >= 1
     * @param separateValue whether the value has a GRU of its own
     * @param dataType      FLOAT or DOUBLE
     */
    public GruPolicyConfig {
        if (hidden < 1) {
            throw new IllegalArgumentException("hidden must be a width >= 1, got " + hidden);
        }
        PolicyConfig.checkGiven(dataType, "dataType", Precision.values());
    }

    @Override
    public List<Integer> widths() {
        return List.of(hidden);
    }

    @Override
    public void checkFamily(EnvSpec<?, ?> spec) {
        if (!(spec.actionSpace() instanceof Discrete)) {
            throw new IllegalArgumentException("key 'policy.type': gru has a categorical head and needs a family with "
                    + "discrete actions, got " + spec.actionSpace());
        }
    }

    @Override
    public SequenceModel create(int in, int out, int auxiliary) {
        RecurrentNet net = new RecurrentNet(in, hidden, out, auxiliary, arrays());
        return separateValue ? new SeparateValueNet(net, new RecurrentNet(in, hidden, out, arrays())) : net;
    }
}
