package io.github.metarl4j.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One forward pass of an {@link Mlp}, keeping what the backward and forward-mode passes
 * need: the pre-activations {@code z_l}, activations {@code a_l} and derivatives {@code f'(z_l)},
 * each {@code [N, width_l]}, in buffers of the pass's {@link Scratch}.
 */
public final class MlpPass {

    final Mlp net;
    final INDArray theta;
    final Scratch scratch;
    /** {@code W_l} of theta as {@code [in_l, out_l]} views, made once (a view costs 10-20 us in ND4J). */
    final INDArray[] weights;
    final INDArray[] a;
    final INDArray[] fp;
    private INDArray ones;

    MlpPass(Mlp net, INDArray theta, INDArray x, Scratch scratch) {
        this.net = net;
        this.theta = theta;
        this.scratch = scratch;
        int layers = net.layers();
        long n = x.size(0);
        weights = new INDArray[layers + 1];
        a = new INDArray[layers + 1];
        fp = new INDArray[layers + 1];
        a[0] = x;
        for (int l = 1; l <= layers; l++) {
            weights[l] = net.weights(theta, l);
            INDArray z = take(net.width(l));
            net.gemm(a[l - 1], weights[l], z, false, false, 0.0);
            z.addiRowVector(net.bias(theta, l));
            if (l < layers) {
                a[l] = take(net.width(l));
                net.activation().apply(z, a[l]);
                fp[l] = z; // z is not needed again: reuse its buffer for f'(z)
                net.activation().derivative(a[l], fp[l]);
            } else {
                a[l] = z;
            }
        }
    }

    INDArray take(int cols) {
        return scratch.take(net.dataType(), rows(), cols);
    }

    /**
     * Writes the column sums of {@code m [N, width]} into the vector view {@code target [width]},
     * as the product {@code 1^T m} (a gemm is 2-3x faster here than ND4J's column reduction).
     */
    void columnSums(INDArray m, INDArray target) {
        if (ones == null) {
            ones = scratch.take(net.dataType(), 1, rows()).assign(1.0);
        }
        net.gemm(ones, m, target.reshape('c', new long[] {1, target.length()}), false, false, 0.0);
    }

    /** The network's output {@code y [N, outDim]}; read-only, valid while the pass's lease is open. */
    public INDArray output() {
        return a[net.layers()];
    }

    /** N, the number of input rows. */
    public long rows() {
        return a[0].size(0);
    }

    /**
     * The vector-Jacobian product {@code sum_n g_n^T dy_n / dtheta}: the gradient of
     * {@code sum(g * y)} with respect to theta, as a new {@code [P]} vector.
     *
     * @param g {@code [N, outDim]}
     */
    public INDArray vjp(INDArray g) {
        checkOutputShaped(g, "output gradient");
        try (Scratch.Lease call = scratch.lease()) {
            return new MlpBackward(this, g, false).gradient();
        }
    }

    /**
     * The backward pass of the fixed output gradient {@code g [N, outDim]} (every layer's
     * {@code delta_l} and second-order factor), kept for the many {@link MlpTangent#secondOrder}
     * products that reuse it: a Hessian's products at one point and one loss share it. Its
     * buffers are held until the current lease closes; {@code g} must stay unchanged as long.
     */
    public MlpBackward backward(INDArray g) {
        checkOutputShaped(g, "output gradient");
        return new MlpBackward(this, g, true);
    }

    /**
     * Forward mode in direction {@code v [P]}: the R-operator pass, whose
     * {@link MlpTangent#output()} is the Jacobian-vector product {@code J v [N, outDim]}.
     */
    public MlpTangent tangent(INDArray v) {
        net.checkParameters(v, "tangent direction");
        return new MlpTangent(this, v);
    }

    void checkOutputShaped(INDArray g, String what) {
        if (g == null || g.rank() != 2 || g.size(0) != rows() || g.size(1) != net.outDim()
                || g.dataType() != net.dataType()) {
            throw new IllegalArgumentException(what + " must be a " + net.dataType() + " array of shape ["
                    + rows() + ", " + net.outDim() + "], got " + (g == null ? "null"
                    : g.dataType() + " " + java.util.Arrays.toString(g.shape())));
        }
    }
}
