package io.github.metarl4j.policy;

import io.github.metarl4j.nn.Mlp;
import io.github.metarl4j.nn.MlpBlocks;
import io.github.metarl4j.sampler.RowStreams;
import java.util.Collections;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The network pass of a bound MLP policy, one block of rows at a time: with M parameter vectors,
 * block i of M acts with vector i; with one vector, every block of the caller's {@link RowStreams}
 * gets its own pass with that vector. Each block's outputs then depend only on its own rows, bit
 * for bit, whichever other blocks share the batch (ND4J's batched product computes block i alone;
 * one product over all rows is not row-invariant in float). The replicated weights for one vector
 * are built once per block count.
 */
final class BlockNetwork {

    private final Mlp net;
    private final List<INDArray> thetas;
    private final MlpBlocks given;
    private MlpBlocks replicated;

    /**
     * @param net    the network
     * @param thetas M >= 1 network parameter vectors {@code [P_net]}
     */
    BlockNetwork(Mlp net, List<INDArray> thetas) {
        this.net = net;
        this.thetas = List.copyOf(thetas);
        this.given = new MlpBlocks(net, thetas);
    }

    /**
     * The outputs {@code [B, outDim]} of observations {@code [B, inDim]} laid out as {@code rng} says.
     *
     * @throws IllegalArgumentException if the rows do not match the streams, or M > 1 vectors meet a
     *                                  different number of blocks (other than one)
     */
    INDArray output(INDArray observations, RowStreams rng) {
        rng.checkRows(observations.size(0));
        int m = thetas.size();
        if (m > 1 || rng.blocks() == 1) {
            if (m > 1 && rng.blocks() > 1 && rng.blocks() != m) {
                throw new IllegalArgumentException(m + " parameter vectors cannot act on rows in " + rng.blocks()
                        + " blocks");
            }
            return given.output(observations);
        }
        if (replicated == null || replicated.blocks() != rng.blocks()) {
            replicated = new MlpBlocks(net, Collections.nCopies(rng.blocks(), thetas.get(0)));
        }
        return replicated.output(observations);
    }
}
