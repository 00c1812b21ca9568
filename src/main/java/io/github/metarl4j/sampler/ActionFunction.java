package io.github.metarl4j.sampler;

import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What the sampler asks of a policy: actions for a whole batch of observations at once.
 * Any function fits (a neural policy with its parameters bound, a reference agent, a uniform
 * random policy); it must draw randomness only from {@code rng}.
 */
@FunctionalInterface
public interface ActionFunction {

    /**
     * @param observations {@code [B, obsDim]}: row b is column b's current observation (zeros
     *                     for a column whose episode has ended)
     * @param rng          the only source of randomness
     * @return {@code [B, actDim]}: row b is column b's action (a discrete action as its index)
     */
    INDArray act(INDArray observations, RandomGenerator rng);
}
