package io.github.metarl4j.sampler;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What the sampler asks of a policy: actions for a whole batch of observations at once.
 * Any function fits (a neural policy with its parameters bound, a reference agent, a uniform
 * random policy); it must draw row r's randomness only from {@code rng.row(r)}, in row order.
 *
 * <p>The rows come in the blocks of {@code rng} (one block per task). A back end that plays a
 * batch's tasks on several machines gives the in-process episodes bit for bit when a block's actions
 * depend only on its own rows and stream; the library's policies compute each block in its own
 * network pass ({@link io.github.metarl4j.nn.MlpBlocks}) to guarantee it.
 */
@FunctionalInterface
public interface ActionFunction {

    /**
     * @param observations {@code [B, obsDim]}: row b is column b's current observation (zeros
     *                     for a column whose episode has ended)
     * @param rng          the only source of randomness: one stream per block of rows
     * @return {@code [B, actDim]}: row b is column b's action (a discrete action as its index)
     */
    INDArray act(INDArray observations, RowStreams rng);
}
