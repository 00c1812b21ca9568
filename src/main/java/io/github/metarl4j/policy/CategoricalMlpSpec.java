package io.github.metarl4j.policy;

import io.github.metarl4j.nn.Activation;
import io.github.metarl4j.sampler.ActionFunction;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * A {@link CategoricalMlpPolicy} as data: its sizes, activation and data type.
 *
 * @param obsDim     observation width
 * @param hidden     hidden layer widths
 * @param actions    K, the number of actions
 * @param activation hidden nonlinearity
 * @param dataType   FLOAT or DOUBLE
 */
public record CategoricalMlpSpec(int obsDim, int[] hidden, int actions, Activation activation, DataType dataType)
        implements PolicyDescription {

    /** The policy this spec describes. */
    @Override
    public CategoricalMlpPolicy policy() {
        return new CategoricalMlpPolicy(obsDim, hidden, actions, activation, dataType);
    }

    @Override
    public int numParams() {
        return policy().numParams();
    }

    /** Row block i acts with {@code parameters[i]}, one batched network pass for all blocks. */
    @Override
    public ActionFunction bind(List<double[]> parameters) {
        CategoricalMlpPolicy policy = policy();
        return policy.blockActions(Rows.vectors(parameters, policy.dataType()));
    }
}
