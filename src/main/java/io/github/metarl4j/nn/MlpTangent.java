package io.github.metarl4j.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The R-operator (forward-mode) pass of an {@link MlpPass} in a direction {@code v}
 * (Pearlmutter 1994): {@code R{z_l} = R{a_{l-1}} W_l + a_{l-1} V_l + Vb_l},
 * {@code R{a_l} = f'(z_l) R{z_l}}, with {@code R{a_0} = 0}.
 */
public final class MlpTangent {

    private final MlpPass pass;
    private final INDArray v;
    /** {@code V_l} of the direction as {@code [in_l, out_l]} views. */
    private final INDArray[] directionWeights;
    private final INDArray[] rz;
    private final INDArray[] ra;

    MlpTangent(MlpPass pass, INDArray v) {
        this.pass = pass;
        this.v = v;
        Mlp net = pass.net;
        int layers = net.layers();
        directionWeights = new INDArray[layers + 1];
        rz = new INDArray[layers + 1];
        ra = new INDArray[layers + 1];
        for (int l = 1; l <= layers; l++) {
            rz[l] = pass.take(net.width(l));
            directionWeights[l] = net.weights(v, l);
            net.gemm(pass.a[l - 1], directionWeights[l], rz[l], false, false, 0.0);
            if (l > 1) {
                net.gemm(ra[l - 1], pass.weights[l], rz[l], false, false, 1.0);
            }
            rz[l].addiRowVector(net.bias(v, l));
            if (l < layers) {
                ra[l] = rz[l].mul(pass.fp[l], pass.take(net.width(l)));
            } else {
                ra[l] = rz[l];
            }
        }
    }

    /** The Jacobian-vector product {@code J v = R{y}}, {@code [N, outDim]}; read-only, valid while the lease is open. */
    public INDArray output() {
        return ra[pass.net.layers()];
    }

    /**
     * The R-operator applied to backpropagation: {@code R{J^T g}}, a new {@code [P]} vector, for
     * the output gradient {@code g} whose backward pass {@code b} was taken at the same point. For a
     * loss {@code L(theta) = l(y(theta))} with {@code g = dl/dy}, passing
     * {@code rg = R{g} = (d^2 l / dy^2) J v} gives the Hessian-vector product {@code H v}:
     * <pre>
     * R{dW_l} = R{a_{l-1}}^T delta_l + a_{l-1}^T R{delta_l},   R{db_l} = sum_n R{delta_l},
     * R{delta_{l-1}} = f'(z) (R{delta_l} W_l^T + delta_l V_l^T) + c_{l-1} R{z},
     * </pre>
     * with {@code c_{l-1} = f''(z) (delta_l W_l^T)} and {@code delta_l} from {@code b}.
     *
     * @param b  {@link MlpPass#backward} of the output gradient {@code g [N, outDim]} at the pass's point
     * @param rg {@code [N, outDim]}: its directional derivative along v
     */
    public INDArray secondOrder(MlpBackward b, INDArray rg) {
        if (b == null || b.pass != pass || !b.secondOrder) {
            throw new IllegalArgumentException("the backward pass must be this point's, taken with MlpPass.backward");
        }
        pass.checkOutputShaped(rg, "output gradient's R-derivative");
        Mlp net = pass.net;
        INDArray out = Nd4j.create(net.dataType(), net.numParams());
        INDArray rdelta = rg;
        for (int l = net.layers(); l >= 1; l--) {
            INDArray rw = net.weights(out, l);
            net.gemm(pass.a[l - 1], rdelta, rw, true, false, 0.0);
            if (l > 1) {
                net.gemm(ra[l - 1], b.delta[l], rw, true, false, 1.0);
            }
            pass.columnSums(rdelta, net.bias(out, l));
            if (l > 1) {
                int width = net.width(l - 1);
                INDArray rback = pass.take(width);
                net.gemm(rdelta, pass.weights[l], rback, false, true, 0.0);
                net.gemm(b.delta[l], directionWeights[l], rback, false, true, 1.0);
                rback.muli(pass.fp[l - 1]);
                if (b.curvature[l - 1] != null) {
                    rback.addi(b.curvature[l - 1].mul(rz[l - 1], pass.take(width)));
                }
                rdelta = rback;
            }
        }
        return out;
    }
}
