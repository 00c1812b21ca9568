package io.github.metarl4j.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The backward pass of a fixed output gradient {@code g [N, outDim]} through an {@link MlpPass},
 * kept for the second-order products that reuse it: {@code delta_L = g},
 * {@code delta_{l-1} = f'(z_{l-1}) * (delta_l W_l^T)}, and the factor
 * {@code c_{l-1} = f''(z_{l-1}) * (delta_l W_l^T)} that multiplies {@code R{z_{l-1}}} in
 * {@code R{delta_{l-1}}} (see {@link MlpTangent#secondOrder}), each {@code [N, width_{l-1}]}. At a
 * fixed point and loss none of them depends on the direction, so a Hessian's products (a
 * conjugate-gradient solve's) compute them once: per product, one {@code [N, width] x [width,
 * width]} matrix product and four elementwise passes fewer per hidden layer.
 */
public final class MlpBackward {

    final MlpPass pass;
    final INDArray[] delta;
    /** {@code c_l} for the hidden layers, null where the activation's second derivative is zero. */
    final INDArray[] curvature;

    MlpBackward(MlpPass pass, INDArray g) {
        this.pass = pass;
        Mlp net = pass.net;
        int layers = net.layers();
        delta = new INDArray[layers + 1];
        curvature = new INDArray[layers];
        delta[layers] = g;
        for (int l = layers; l > 1; l--) {
            int width = net.width(l - 1);
            INDArray back = pass.take(width);
            net.gemm(delta[l], pass.weights[l], back, false, true, 0.0);
            INDArray fpp = pass.take(width);
            if (net.activation().secondDerivative(pass.a[l - 1], pass.fp[l - 1], fpp)) {
                curvature[l - 1] = fpp.muli(back);
            }
            delta[l - 1] = back.muli(pass.fp[l - 1]);
        }
    }
}
