package io.github.metarl4j.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * One forward pass of a {@link RecurrentNet} over {@code [T, B, in]} inputs, keeping every
 * step's gates for exact backpropagation through time.
 */
public final class RecurrentPass {

    private final RecurrentNet net;
    private final INDArray theta;
    private final int steps;
    private final int batch;
    private final INDArray x2;
    private final INDArray[] h;
    private final INDArray[] r;
    private final INDArray[] z;
    private final INDArray[] n;
    private final INDArray[] hu;
    private final INDArray hiddenAll;
    private final INDArray outputs;
    private final INDArray values;

    RecurrentPass(RecurrentNet net, INDArray theta, INDArray x) {
        this.net = net;
        this.theta = theta;
        this.steps = (int) x.size(0);
        this.batch = (int) x.size(1);
        int hd = net.hidden();
        this.x2 = x.reshape('c', (long) steps * batch, net.in());
        INDArray gx = x2.mmul(net.part(theta, 0, net.in(), 3L * hd)).addiRowVector(net.part(theta, 2, 3L * hd));
        INDArray u = net.part(theta, 1, hd, 3L * hd);
        h = new INDArray[steps + 1];
        r = new INDArray[steps];
        z = new INDArray[steps];
        n = new INDArray[steps];
        hu = new INDArray[steps];
        h[0] = Nd4j.zeros(net.dataType(), batch, hd);
        hiddenAll = Nd4j.create(net.dataType(), (long) steps * batch, hd);
        for (int t = 0; t < steps; t++) {
            INDArray gxt = gx.get(NDArrayIndex.interval((long) t * batch, (long) (t + 1) * batch), NDArrayIndex.all());
            INDArray ght = h[t].mmul(u);
            h[t + 1] = Nd4j.create(net.dataType(), batch, hd);
            r[t] = Nd4j.create(net.dataType(), batch, hd);
            z[t] = Nd4j.create(net.dataType(), batch, hd);
            n[t] = Nd4j.create(net.dataType(), batch, hd);
            hu[t] = Nd4j.create(net.dataType(), batch, hd);
            cell(gxt, ght, h[t], hd, h[t + 1], r[t], z[t], n[t], hu[t]);
            hiddenAll.get(NDArrayIndex.interval((long) t * batch, (long) (t + 1) * batch), NDArrayIndex.all())
                    .assign(h[t + 1]);
        }
        outputs = hiddenAll.mmul(net.part(theta, 3, hd, net.out())).addiRowVector(net.part(theta, 4, net.out()))
                .reshape('c', steps, batch, net.out());
        values = hiddenAll.mmul(net.part(theta, 5, hd, 1)).addi(net.part(theta, 6, 1).getDouble(0))
                .reshape('c', steps, batch);
    }

    /**
     * The GRU cell from the input and hidden gate pre-activations {@code gx, gh [B, 3H]}: writes
     * {@code h'} and, where not null, the gates r, z, n and {@code h U_n}.
     */
    static void cell(INDArray gx, INDArray gh, INDArray hPrev, int hd, INDArray hOut, INDArray rOut, INDArray zOut,
                     INDArray nOut, INDArray huOut) {
        INDArray rz = Transforms.sigmoid(gx.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 2L * hd))
                .add(gh.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 2L * hd))), false);
        INDArray rt = rz.get(NDArrayIndex.all(), NDArrayIndex.interval(0, hd));
        INDArray zt = rz.get(NDArrayIndex.all(), NDArrayIndex.interval(hd, 2L * hd));
        INDArray hun = gh.get(NDArrayIndex.all(), NDArrayIndex.interval(2L * hd, 3L * hd));
        INDArray nt = Transforms.tanh(gx.get(NDArrayIndex.all(), NDArrayIndex.interval(2L * hd, 3L * hd))
                .add(rt.mul(hun)), false);
        // h' = n + z * (h - n)
        hOut.assign(nt.add(zt.mul(hPrev.sub(nt))));
        if (rOut != null) {
            rOut.assign(rt);
            zOut.assign(zt);
            nOut.assign(nt);
            huOut.assign(hun);
        }
    }

    /** {@code [T, B, out]}: the policy head (logits). */
    public INDArray outputs() {
        return outputs;
    }

    /** {@code [T, B]}: the value head. */
    public INDArray values() {
        return values;
    }

    /**
     * The gradient {@code [P]} of {@code L = sum(dOutputs * outputs) + sum(dValues * values)}:
     * backpropagation through time of the upstream gradients {@code dOutputs [T, B, out]} and
     * {@code dValues [T, B]}.
     */
    public INDArray backward(INDArray dOutputs, INDArray dValues) {
        int hd = net.hidden();
        int rows = steps * batch;
        INDArray grad = Nd4j.zeros(net.dataType(), net.numParams());
        INDArray dy = dOutputs.reshape('c', rows, net.out());
        INDArray dv = dValues.reshape('c', rows, 1);
        net.part(grad, 3, hd, net.out()).assign(hiddenAll.transpose().mmul(dy));
        net.part(grad, 4, net.out()).assign(dy.sum(0));
        net.part(grad, 5, hd, 1).assign(hiddenAll.transpose().mmul(dv));
        net.part(grad, 6, 1).assign(dv.sum(0));
        INDArray dHidden = dy.mmul(net.part(theta, 3, hd, net.out()).transpose())
                .addi(dv.mmul(net.part(theta, 5, hd, 1).transpose()));
        INDArray u = net.part(theta, 1, hd, 3L * hd);
        INDArray dU = Nd4j.zeros(net.dataType(), hd, 3L * hd);
        INDArray dGx = Nd4j.create(net.dataType(), rows, 3L * hd);
        INDArray dhNext = Nd4j.zeros(net.dataType(), batch, hd);
        for (int t = steps - 1; t >= 0; t--) {
            INDArray dh = dHidden.get(NDArrayIndex.interval((long) t * batch, (long) (t + 1) * batch), NDArrayIndex.all())
                    .add(dhNext);
            INDArray one = Nd4j.onesLike(z[t]);
            INDArray dnPre = dh.mul(one.sub(z[t])).muli(one.sub(n[t].mul(n[t])));
            INDArray dzPre = dh.mul(h[t].sub(n[t])).muli(z[t].mul(one.sub(z[t])));
            INDArray drPre = dnPre.mul(hu[t]).muli(r[t].mul(one.sub(r[t])));
            INDArray dGh = Nd4j.hstack(drPre, dzPre, dnPre.mul(r[t]));
            dGx.get(NDArrayIndex.interval((long) t * batch, (long) (t + 1) * batch), NDArrayIndex.all())
                    .assign(Nd4j.hstack(drPre, dzPre, dnPre));
            dU.addi(h[t].transpose().mmul(dGh));
            dhNext = dh.mul(z[t]).addi(dGh.mmul(u.transpose()));
        }
        net.part(grad, 1, hd, 3L * hd).assign(dU);
        net.part(grad, 0, net.in(), 3L * hd).assign(x2.transpose().mmul(dGx));
        net.part(grad, 2, 3L * hd).assign(dGx.sum(0));
        return grad;
    }
}
