package io.github.metarl4j.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * One forward pass of a {@link RecurrentNet} over {@code [T, B, in]} inputs from a zero hidden
 * state, keeping the hidden states {@code [T, B, H]} that the backward pass needs.
 *
 * <p>The recurrence runs in libnd4j's {@code gru} op, one native call per sequence, which
 * computes exactly the cell documented on {@link RecurrentNet} (gate blocks r, z, n in the columns
 * of {@code W} and {@code U}, the reset gate applied to {@code h U_n}). The backward pass
 * recomputes every step's gates at once from the stored hidden states, then runs the recursion
 * through time in a few ops per step. libnd4j's {@code gru_bp} is not used: on the cell above its
 * gradient disagrees with central finite differences (by up to 0.3 on unit-scale entries, 1.0.0-M2.1).
 */
public final class RecurrentPass implements SequencePass {

    private final RecurrentNet net;
    private final INDArray theta;
    private final INDArray x;
    private final INDArray h0;
    private final INDArray hiddenAll;
    private final INDArray outputs;
    private final INDArray values;
    private final INDArray auxiliary;

    RecurrentPass(RecurrentNet net, INDArray theta, INDArray x) {
        this.net = net;
        this.theta = theta;
        this.x = x.isView() || x.ordering() != 'c' ? x.dup('c') : x;
        int steps = (int) x.size(0);
        int batch = (int) x.size(1);
        int hd = net.hidden();
        h0 = Nd4j.zeros(net.dataType(), batch, hd);
        INDArray hidden = Nd4j.create(net.dataType(), steps, batch, hd);
        gru(net, theta, this.x, h0, hidden);
        hiddenAll = hidden.reshape('c', (long) steps * batch, hd);
        outputs = hiddenAll.mmul(net.part(theta, 3, hd, net.out())).addiRowVector(net.part(theta, 4, net.out()))
                .reshape('c', steps, batch, net.out());
        values = hiddenAll.mmul(net.part(theta, 5, hd, 1)).addi(net.part(theta, 6, 1).getDouble(0))
                .reshape('c', steps, batch);
        int aux = net.auxiliary();
        auxiliary = aux == 0 ? null : hiddenAll.mmul(net.part(theta, 7, hd, aux)).addiRowVector(net.part(theta, 8, aux))
                .reshape('c', steps, batch, aux);
    }

    /** Runs the recurrence of {@code x [T, B, in]} from {@code h0 [B, H]}, writing {@code hidden [T, B, H]}. */
    static void gru(RecurrentNet net, INDArray theta, INDArray x, INDArray h0, INDArray hidden) {
        int hd = net.hidden();
        Nd4j.exec(DynamicCustomOp.builder("gru")
                .addInputs(x, h0, net.part(theta, 0, net.in(), 3L * hd), net.part(theta, 1, hd, 3L * hd),
                        net.part(theta, 2, 3L * hd))
                .addOutputs(hidden).build());
    }

    /** {@code [T, B, out]}: the policy head (logits). */
    @Override
    public INDArray outputs() {
        return outputs;
    }

    /** {@code [T, B]}: the value head. */
    @Override
    public INDArray values() {
        return values;
    }

    /** {@code [T, B, aux]}: the auxiliary head; null when the net has none. */
    @Override
    public INDArray auxiliary() {
        return auxiliary;
    }

    /** Every step's gates {@code [T*B, H]}, recomputed at once from the inputs and the previous hidden states. */
    private record Gates(INDArray x2, INDArray previous, INDArray r, INDArray z, INDArray n, INDArray hu) {
    }

    private Gates gates() {
        int hd = net.hidden();
        int steps = (int) x.size(0);
        int batch = (int) x.size(1);
        long rows = (long) steps * batch;
        INDArray x2 = x.reshape('c', rows, net.in());
        INDArray previous = Nd4j.create(net.dataType(), rows, hd);
        rowsOf(previous, 0, 1, batch).assign(h0);
        if (steps > 1) {
            rowsOf(previous, 1, steps, batch).assign(rowsOf(hiddenAll, 0, steps - 1, batch));
        }
        INDArray gx = x2.mmul(net.part(theta, 0, net.in(), 3L * hd)).addiRowVector(net.part(theta, 2, 1, 3L * hd));
        INDArray gh = previous.mmul(net.part(theta, 1, hd, 3L * hd));
        INDArray r = Transforms.sigmoid(columns(gx, 0, hd).addi(columns(gh, 0, hd)), true);
        INDArray z = Transforms.sigmoid(columns(gx, 1, hd).addi(columns(gh, 1, hd)), true);
        INDArray hu = columns(gh, 2, hd).dup('c');
        INDArray n = Transforms.tanh(columns(gx, 2, hd).addi(r.mul(hu)), true);
        return new Gates(x2, previous, r, z, n, hu);
    }

    /**
     * The gradient {@code [P]} of
     * {@code L = sum(dOutputs * outputs) + sum(dValues * values) + sum(dAuxiliary * auxiliary)}:
     * backpropagation through time of the upstream gradients {@code dOutputs [T, B, out]},
     * {@code dValues [T, B]} and {@code dAuxiliary [T, B, aux]} (null: zero).
     */
    @Override
    public INDArray backward(INDArray dOutputs, INDArray dValues, INDArray dAuxiliary) {
        if (dAuxiliary != null && auxiliary == null) {
            throw new IllegalArgumentException("this net has no auxiliary head; its upstream gradient must be null");
        }
        int hd = net.hidden();
        int steps = (int) x.size(0);
        int batch = (int) x.size(1);
        long rows = (long) steps * batch;
        INDArray grad = Nd4j.zeros(net.dataType(), net.numParams());
        INDArray dy = dOutputs.reshape('c', rows, net.out());
        INDArray dv = dValues.reshape('c', rows, 1);
        net.part(grad, 3, hd, net.out()).assign(hiddenAll.transpose().mmul(dy));
        net.part(grad, 4, net.out()).assign(dy.sum(0));
        net.part(grad, 5, hd, 1).assign(hiddenAll.transpose().mmul(dv));
        net.part(grad, 6, 1).assign(dv.sum(0));
        INDArray dHidden = dy.mmul(net.part(theta, 3, hd, net.out()).transpose())
                .addi(dv.mmul(net.part(theta, 5, hd, 1).transpose()));
        if (dAuxiliary != null) {
            int aux = net.auxiliary();
            INDArray dq = dAuxiliary.reshape('c', rows, aux);
            net.part(grad, 7, hd, aux).assign(hiddenAll.transpose().mmul(dq));
            net.part(grad, 8, aux).assign(dq.sum(0));
            dHidden.addi(dq.mmul(net.part(theta, 7, hd, aux).transpose()));
        }
        Gates g = gates();
        INDArray previous = g.previous();
        INDArray r = g.r();
        INDArray z = g.z();
        INDArray n = g.n();
        // local derivatives of h' = n + z (h - n) with respect to the gates' pre-activations
        INDArray dnLocal = z.rsub(1).muli(n.mul(n).rsubi(1));
        INDArray dzLocal = previous.sub(n).muli(z).muli(z.rsub(1));
        INDArray drLocal = g.hu().mul(r).muli(r.rsub(1));
        // dGh [T*B, 3H]: the gradient of every step's h U pre-activations (blocks r, z and r * dn);
        // those of x W + b differ only in the n block, dN
        INDArray dGh = Nd4j.create(net.dataType(), rows, 3L * hd);
        INDArray dN = Nd4j.create(net.dataType(), rows, hd);
        INDArray uT = net.part(theta, 1, hd, 3L * hd).transpose();
        INDArray dhNext = Nd4j.zeros(net.dataType(), batch, hd);
        for (int t = steps - 1; t >= 0; t--) {
            INDArray dh = rowsOf(dHidden, t, t + 1, batch).addi(dhNext);
            INDArray ght = rowsOf(dGh, t, t + 1, batch);
            INDArray dn = rowsOf(dN, t, t + 1, batch);
            dh.mul(rowsOf(dnLocal, t, t + 1, batch), dn);
            dh.mul(rowsOf(dzLocal, t, t + 1, batch), columns(ght, 1, hd));
            dn.mul(rowsOf(drLocal, t, t + 1, batch), columns(ght, 0, hd));
            dn.mul(rowsOf(r, t, t + 1, batch), columns(ght, 2, hd));
            dhNext = dh.muli(rowsOf(z, t, t + 1, batch));
            Nd4j.gemm(ght, uT, dhNext, false, false, 1.0, 1.0);
        }
        INDArray x2 = g.x2();
        INDArray dW = net.part(grad, 0, net.in(), 3L * hd);
        INDArray db = net.part(grad, 2, 1, 3L * hd);
        dW.assign(x2.transpose().mmul(dGh));
        columns(dW, 2, hd).assign(x2.transpose().mmul(dN));
        db.assign(dGh.sum(true, 0));
        columns(db, 2, hd).assign(dN.sum(true, 0));
        net.part(grad, 1, hd, 3L * hd).assign(previous.transpose().mmul(dGh));
        return grad;
    }

    /**
     * Forward-mode differentiation through time: the policy head's directional derivative along
     * {@code v [P]}, {@code dh_t = (1 - z) dn + z dh_{t-1} + dz (h_{t-1} - n)} from {@code dh_{-1} = 0}
     * with the gates' tangents from {@code x dW + db} and {@code dh_{t-1} U + h_{t-1} dU}.
     */
    @Override
    public INDArray tangent(INDArray v) {
        net.checkParameters(v, "tangent direction");
        int hd = net.hidden();
        int steps = (int) x.size(0);
        int batch = (int) x.size(1);
        long rows = (long) steps * batch;
        Gates g = gates();
        INDArray r = g.r();
        INDArray z = g.z();
        INDArray n = g.n();
        INDArray rLocal = r.mul(r.rsub(1));
        INDArray zLocal = z.mul(z.rsub(1));
        INDArray nLocal = n.mul(n).rsubi(1);
        INDArray oneMinusZ = z.rsub(1);
        INDArray hMinusN = g.previous().sub(n);
        // every step's tangents of x W + b and the part of h_{t-1} U's that does not depend on dh_{t-1}
        INDArray dGx = g.x2().mmul(net.part(v, 0, net.in(), 3L * hd)).addiRowVector(net.part(v, 2, 1, 3L * hd));
        INDArray hdU = g.previous().mmul(net.part(v, 1, hd, 3L * hd));
        INDArray u = net.part(theta, 1, hd, 3L * hd);
        INDArray dHidden = Nd4j.create(net.dataType(), rows, hd);
        INDArray dhPrevious = Nd4j.zeros(net.dataType(), batch, hd);
        INDArray dGh = Nd4j.create(net.dataType(), batch, 3L * hd);
        for (int t = 0; t < steps; t++) {
            // dGh = dh_{t-1} U + h_{t-1} dU: the tangent of h_{t-1} U
            dGh.assign(rowsOf(hdU, t, t + 1, batch));
            Nd4j.gemm(dhPrevious, u, dGh, false, false, 1.0, 1.0);
            INDArray dgx = rowsOf(dGx, t, t + 1, batch);
            INDArray dr = columns(dgx, 0, hd).add(columns(dGh, 0, hd)).muli(rowsOf(rLocal, t, t + 1, batch));
            INDArray dz = columns(dgx, 1, hd).add(columns(dGh, 1, hd)).muli(rowsOf(zLocal, t, t + 1, batch));
            INDArray dn = columns(dGh, 2, hd).mul(rowsOf(r, t, t + 1, batch))
                    .addi(dr.mul(rowsOf(g.hu(), t, t + 1, batch))).addi(columns(dgx, 2, hd))
                    .muli(rowsOf(nLocal, t, t + 1, batch));
            INDArray dh = rowsOf(dHidden, t, t + 1, batch);
            dh.assign(dn.muli(rowsOf(oneMinusZ, t, t + 1, batch)))
                    .addi(dhPrevious.mul(rowsOf(z, t, t + 1, batch)))
                    .addi(dz.muli(rowsOf(hMinusN, t, t + 1, batch)));
            dhPrevious = dh;
        }
        return dHidden.mmul(net.part(theta, 3, hd, net.out())).addi(hiddenAll.mmul(net.part(v, 3, hd, net.out())))
                .addiRowVector(net.part(v, 4, net.out())).reshape('c', steps, batch, net.out());
    }

    /** Rows {@code [from B, to B)} of a {@code [T*B, .]} array: steps from..to-1. */
    private static INDArray rowsOf(INDArray a, int from, int to, int batch) {
        return a.get(NDArrayIndex.interval((long) from * batch, (long) to * batch), NDArrayIndex.all());
    }

    /** Gate block g (0 r, 1 z, 2 n) of a {@code [., 3H]} array. */
    private static INDArray columns(INDArray a, int g, int hd) {
        return a.get(NDArrayIndex.all(), NDArrayIndex.interval((long) g * hd, (long) (g + 1) * hd));
    }
}
