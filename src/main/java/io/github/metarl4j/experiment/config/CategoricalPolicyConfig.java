package io.github.metarl4j.experiment.config;

import io.github.metarl4j.env.EnvSpec;
import io.github.metarl4j.nn.Activation;
import io.github.metarl4j.policy.CategoricalMlpPolicy;
import io.github.metarl4j.policy.Policy;
import io.github.metarl4j.space.Discrete;
import java.util.List;

/**
 * {@code policy: {type: categorical}}: an MLP whose outputs are the logits of a softmax over the
 * family's discrete actions ({@link CategoricalMlpPolicy}); the observation width is the family's.
 *
 * @param hidden     hidden layer widths, each >= 1
 * @param activation hidden nonlinearity
 * @param dataType   FLOAT or DOUBLE
 */
public record CategoricalPolicyConfig(List<Integer> hidden, Activation activation, Precision dataType)
        implements MlpPolicyConfig {

    /**
     * Checks the arguments and holds them:
     *
     * @param hidden     hidden layer widths, each >= 1
     * @param activation hidden nonlinearity
     * @param dataType   FLOAT or DOUBLE
     */
    public CategoricalPolicyConfig {
        hidden = PolicyConfig.checkedWidths(hidden);
        PolicyConfig.checkGiven(activation, "activation", Activation.values());
        PolicyConfig.checkGiven(dataType, "dataType", Precision.values());
    }

    @Override
    public void checkFamily(EnvSpec<?, ?> spec) {
        if (!(spec.actionSpace() instanceof Discrete)) {
            throw new IllegalArgumentException("key 'policy.type': categorical needs a family with discrete actions, "
                    + "got " + spec.actionSpace() + "; use gaussian");
        }
    }

    @Override
    public Policy create(EnvSpec<?, ?> spec) {
        checkFamily(spec);
        return new CategoricalMlpPolicy(spec.observationSpace().flatDim(),
                layers(), ((Discrete) spec.actionSpace()).n(), activation,
                arrays());
    }
}
