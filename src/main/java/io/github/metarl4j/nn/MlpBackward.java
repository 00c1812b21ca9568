package io.github.metarl4j.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The backward pass of an output gradient {@code g [N, outDim]} through an {@link MlpPass}, for
 * its gradient ({@link MlpPass#vjp}) or kept for the second-order products that reuse it: {@code delta_L = g},
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
    /** Whether the second-order factors were kept (for {@link MlpTangent#secondOrder}). */
    final boolean secondOrder;
    /** {@code c_l} for the hidden layers, null where the activation's second derivative is zero or not kept. */
    final INDArray[] curvature;

    MlpBackward(MlpPass pass, INDArray g, boolean secondOrder) {
        this.pass = pass;
        this.secondOrder = secondOrder;
        Mlp net = pass.net;
        int layers = net.layers();
        delta = new INDArray[layers + 1];
        curvature = new INDArray[layers];
        delta[layers] = g;
        for (int l = layers; l > 1; l--) {
            int width = net.width(l - 1);
            INDArray back = pass.take(width);
            net.gemm(delta[l], pass.weights[l], back, false, true, 0.0);
            if (secondOrder) {
                INDArray fpp = pass.take(width);
                if (net.activation().secondDerivative(pass.a[l - 1], pass.fp[l - 1], fpp)) {
                    curvature[l - 1] = fpp.muli(back);
                }
            }
            delta[l - 1] = back.muli(pass.fp[l - 1]);
        }
    }

    /** {@code grad_theta sum(g * y)}: {@code dW_l = a_{l-1}^T delta_l}, {@code db_l = sum_n delta_l}, a new {@code [P]} vector. */
    INDArray gradient() {
        Mlp net = pass.net;
        INDArray grad = Nd4j.create(net.dataType(), net.numParams());
        for (int l = net.layers(); l >= 1; l--) {
            net.gemm(pass.a[l - 1], delta[l], net.weights(grad, l), true, false, 0.0);
            pass.columnSums(delta[l], net.bias(grad, l));
        }
        return grad;
    }
}
