package io.github.metarl4j.policy;

import io.github.metarl4j.nn.Activation;
import io.github.metarl4j.sampler.ActionFunction;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * A {@link GaussianMlpPolicy} as data: its sizes, activation, initial log-std and data type.
 *
 * @param obsDim        observation width
 * @param hidden        hidden layer widths
 * @param actDim        action width
 * @param activation    hidden nonlinearity
 * @param initialLogStd the log-std that new parameter vectors start from
 * @param dataType      FLOAT or DOUBLE
 */
public record GaussianMlpSpec(int obsDim, int[] hidden, int actDim, Activation activation, double initialLogStd,
                              DataType dataType) implements PolicyDescription {

    /** The policy this spec describes. */
    @Override
    public GaussianMlpPolicy policy() {
        return new GaussianMlpPolicy(obsDim, hidden, actDim, activation, initialLogStd, dataType);
    }

    @Override
    public int numParams() {
        return policy().numParams();
    }

    /** Row block i acts with {@code parameters[i]}, one batched network pass for all blocks. */
    @Override
    public ActionFunction bind(List<double[]> parameters) {
        GaussianMlpPolicy policy = policy();
        return policy.blockActions(Rows.vectors(parameters, policy.dataType()));
    }
}
