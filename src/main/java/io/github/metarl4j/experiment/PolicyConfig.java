package io.github.metarl4j.experiment;

import io.github.metarl4j.env.EnvSpec;
import io.github.metarl4j.nn.Activation;
import io.github.metarl4j.policy.CategoricalMlpPolicy;
import io.github.metarl4j.policy.GaussianMlpPolicy;
import io.github.metarl4j.policy.Policy;
import io.github.metarl4j.space.Box;
import io.github.metarl4j.space.Discrete;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The policy network of an experiment. For MAML, an MLP: categorical over a {@link Discrete}
 * action space, Gaussian with a learned state-independent log-std over a {@link Box}; the
 * observation width is the family's. For RL^2, a GRU of width {@code hidden[0]} (see
 * {@link Rl2Learner}).
 *
 * @param hidden        hidden layer widths, each >= 1
 * @param activation    hidden nonlinearity
 * @param initialLogStd the Gaussian policy's initial log-std (ignored for a categorical policy)
 * @param dataType      FLOAT or DOUBLE
 */
public record PolicyConfig(List<Integer> hidden, Activation activation, double initialLogStd, Precision dataType) {

    /** The arithmetic of the policy's arrays. */
    public enum Precision {
        /** 32-bit floats: the training default. */
        FLOAT,
        /** 64-bit doubles. */
        DOUBLE
    }

    /**
     * Checks the arguments and holds them:
     *
     * @param hidden        hidden layer widths, each >= 1
     * @param activation    hidden nonlinearity
     * @param initialLogStd the Gaussian policy's initial log-std (ignored for a categorical policy)
     * @param dataType      FLOAT or DOUBLE
     */
    public PolicyConfig {
        if (hidden == null || hidden.isEmpty() || hidden.stream().anyMatch(h -> h == null || h < 1)) {
            throw new IllegalArgumentException("hidden must be a non-empty list of widths >= 1, got " + hidden);
        }
        hidden = List.copyOf(hidden);
        if (activation == null) {
            throw new IllegalArgumentException("activation must be one of "
                    + java.util.Arrays.toString(Activation.values()));
        }
        if (!Double.isFinite(initialLogStd)) {
            throw new IllegalArgumentException("initialLogStd must be finite, got " + initialLogStd);
        }
        if (dataType == null) {
            throw new IllegalArgumentException("dataType must be one of "
                    + java.util.Arrays.toString(Precision.values()));
        }
    }

    /** The ND4J type of the policy's arrays. */
    public DataType arrays() {
        return dataType == Precision.FLOAT ? DataType.FLOAT : DataType.DOUBLE;
    }

    /** The MLP policy for a family with this spec. */
    public Policy create(EnvSpec<?, ?> spec) {
        int[] widths = hidden.stream().mapToInt(Integer::intValue).toArray();
        int obsDim = spec.observationSpace().flatDim();
        DataType type = arrays();
        if (spec.actionSpace() instanceof Discrete d) {
            return new CategoricalMlpPolicy(obsDim, widths, d.n(), activation, type);
        }
        Box box = (Box) spec.actionSpace();
        return new GaussianMlpPolicy(obsDim, widths, box.dim(), activation, initialLogStd, type);
    }
}
