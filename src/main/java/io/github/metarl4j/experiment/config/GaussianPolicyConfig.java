package io.github.metarl4j.experiment.config;

import io.github.metarl4j.env.EnvSpec;
import io.github.metarl4j.nn.Activation;
import io.github.metarl4j.policy.GaussianMlpPolicy;
import io.github.metarl4j.policy.Policy;
import io.github.metarl4j.space.Box;
import java.util.List;

/**
 * {@code policy: {type: gaussian}}: an MLP for the mean of a diagonal Gaussian over the family's
 * continuous actions, with a learned state-independent log-std ({@link GaussianMlpPolicy}).
 *
 * @param hidden        hidden layer widths, each >= 1
 * @param activation    hidden nonlinearity
 * @param initialLogStd the log-std new parameters start from, finite
 * @param dataType      FLOAT or DOUBLE
 */
public record GaussianPolicyConfig(List<Integer> hidden, Activation activation, double initialLogStd,
                                   Precision dataType) implements MlpPolicyConfig {

    /**
     * Checks the arguments and holds them:
     *
     * @param hidden        hidden layer widths, each >= 1
     * @param activation    hidden nonlinearity
     * @param initialLogStd the log-std new parameters start from, finite
     * @param dataType      FLOAT or DOUBLE
     */
    public GaussianPolicyConfig {
        hidden = PolicyConfig.checkedWidths(hidden);
        PolicyConfig.checkGiven(activation, "activation", Activation.values());
        if (!Double.isFinite(initialLogStd)) {
            throw new IllegalArgumentException("initialLogStd must be finite, got " + initialLogStd);
        }
        PolicyConfig.checkGiven(dataType, "dataType", Precision.values());
    }

    @Override
    public void checkFamily(EnvSpec<?, ?> spec) {
        if (!(spec.actionSpace() instanceof Box)) {
            throw new IllegalArgumentException("key 'policy.type': gaussian needs a family with continuous (Box) "
                    + "actions, got " + spec.actionSpace() + "; use categorical");
        }
    }

    @Override
    public Policy create(EnvSpec<?, ?> spec) {
        checkFamily(spec);
        return new GaussianMlpPolicy(spec.observationSpace().flatDim(),
                layers(), ((Box) spec.actionSpace()).dim(), activation,
                initialLogStd, arrays());
    }
}
