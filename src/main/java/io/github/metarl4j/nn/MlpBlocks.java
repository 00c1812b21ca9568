package io.github.metarl4j.nn;

import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One {@link Mlp} with M parameter vectors, each applied to its own block of input rows: rows
 * {@code [i E, (i + 1) E)} of {@code x [M E, inDim]} go through the network with {@code thetas[i]}.
 * The layers are batched matrix products ({@code [M, E, in] x [M, in, out]}), so one call per
 * layer serves all M vectors; this is how M tasks' adapted policies act in one lockstep batch
 * with a handful of native calls per step instead of a handful per task. The weights are copied
 * into stacked arrays once, at construction.
 */
public final class MlpBlocks {

    private final Mlp net;
    private final int blocks;
    private final INDArray[] weights;
    private final INDArray[] biases;

    /**
     * @param net    the network
     * @param thetas M >= 1 parameter vectors, each {@code [P]} of the network's type
     */
    public MlpBlocks(Mlp net, List<INDArray> thetas) {
        if (thetas == null || thetas.isEmpty()) {
            throw new IllegalArgumentException("parameter blocks must be a non-empty list, got " + thetas);
        }
        this.net = net;
        this.blocks = thetas.size();
        weights = new INDArray[net.layers() + 1];
        biases = new INDArray[net.layers() + 1];
        for (int i = 0; i < blocks; i++) {
            net.checkParameters(thetas.get(i), "parameter vector " + i);
        }
        for (int l = 1; l <= net.layers(); l++) {
            INDArray[] w = new INDArray[blocks];
            INDArray[] b = new INDArray[blocks];
            for (int i = 0; i < blocks; i++) {
                w[i] = net.weights(thetas.get(i), l).reshape('c', new long[] {1, net.width(l - 1), net.width(l)});
                b[i] = net.bias(thetas.get(i), l).reshape('c', new long[] {1, 1, net.width(l)});
            }
            weights[l] = Nd4j.concat(0, w);
            biases[l] = Nd4j.concat(0, b);
        }
    }

    /** M, the number of parameter vectors (row blocks). */
    public int blocks() {
        return blocks;
    }

    /**
     * The network's outputs, {@code [M E, outDim]}: row block i computed with {@code thetas[i]}.
     *
     * @param x {@code [M E, inDim]}, the network's type
     */
    public INDArray output(INDArray x) {
        if (x == null || x.rank() != 2 || x.size(1) != net.inDim() || x.dataType() != net.dataType()
                || x.size(0) % blocks != 0) {
            throw new IllegalArgumentException("inputs must be a " + net.dataType() + " array of shape [" + blocks
                    + " x E, " + net.inDim() + "], got " + (x == null ? "null"
                    : x.dataType() + " " + Arrays.toString(x.shape())));
        }
        long rows = x.size(0) / blocks;
        INDArray a = x.dup('c').reshape('c', new long[] {blocks, rows, net.inDim()});
        for (int l = 1; l <= net.layers(); l++) {
            INDArray z = Nd4j.createUninitialized(net.dataType(), blocks, rows, net.width(l));
            Nd4j.matmul(a, weights[l], z, false, false, false);
            net.countMatrixFlops(2L * blocks * rows * net.width(l - 1) * net.width(l));
            z.addi(biases[l]);
            if (l < net.layers()) {
                net.activation().apply(z, z);
            }
            a = z;
        }
        return a.reshape('c', new long[] {blocks * rows, net.outDim()});
    }
}
