package io.github.metarl4j.policy;

import io.github.metarl4j.data.HostArrays;
import io.github.metarl4j.nn.Activation;
import io.github.metarl4j.nn.Mlp;
import io.github.metarl4j.nn.MlpBackward;
import io.github.metarl4j.nn.MlpPass;
import io.github.metarl4j.nn.MlpTangent;
import io.github.metarl4j.nn.Scratch;
import io.github.metarl4j.nn.ScratchPool;
import io.github.metarl4j.sampler.ActionFunction;
import java.util.List;
import java.util.function.IntFunction;
import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A categorical policy over K discrete actions whose logits are an MLP of the observation:
 * {@code pi(a | s) = softmax(z(s))_a}, {@code z = Mlp(theta, s) [N, K]}.
 *
 * <p>Derivatives with respect to the logits, per row with {@code p = softmax(z)}: the gradient of
 * {@code log pi(a)} is {@code e_a - p}; its Hessian is {@code -(diag(p) - p p^T)}, which is also the
 * KL divergence's metric {@code M} on the logits (Amari 1998; Schulman et al., TRPO, 2015).
 */
public final class CategoricalMlpPolicy implements Policy {

    private final Mlp net;
    private final ScratchPool pool = new ScratchPool();

    /**
     * @param obsDim     observation width
     * @param hidden     hidden layer widths
     * @param actions    K, the number of actions, at least 2
     * @param activation hidden nonlinearity
     * @param dataType   FLOAT or DOUBLE
     */
    public CategoricalMlpPolicy(int obsDim, int[] hidden, int actions, Activation activation, DataType dataType) {
        if (actions < 2) {
            throw new IllegalArgumentException("a categorical policy needs at least 2 actions, got " + actions);
        }
        this.net = new Mlp(obsDim, hidden, actions, activation, dataType);
    }

    public Mlp network() {
        return net;
    }

    /** K. */
    public int numActions() {
        return net.outDim();
    }

    @Override
    public int numParams() {
        return net.numParams();
    }

    @Override
    public int obsDim() {
        return net.inDim();
    }

    @Override
    public int actDim() {
        return 1;
    }

    @Override
    public DataType dataType() {
        return net.dataType();
    }

    @Override
    public INDArray initialParameters(RandomGenerator rng) {
        return net.initialParameters(rng);
    }

    @Override
    public Point at(INDArray theta, INDArray observations) {
        Rows.checkObservations(observations, obsDim(), dataType());
        return new Point(theta, observations);
    }

    @Override
    public INDArray sample(INDArray theta, INDArray observations, RandomGenerator rng) {
        try (Point point = at(theta, observations)) {
            return draw(point.p, row -> rng);
        }
    }

    @Override
    public CategoricalMlpSpec spec() {
        return new CategoricalMlpSpec(obsDim(), net.hidden(), numActions(), net.activation(), dataType());
    }

    /**
     * Row block i acts with {@code thetas[i]} (one vector: every block of the streams with it), each
     * block in its own pass of one batched network call.
     */
    ActionFunction blockActions(List<INDArray> thetas) {
        BlockNetwork blocks = new BlockNetwork(net, thetas);
        return (observations, rng) -> {
            Rows.checkObservations(observations, obsDim(), dataType());
            return draw(Categorical.softmaxInPlace(HostArrays.read(blocks.output(observations, rng)), numActions()),
                    rng::row);
        };
    }

    /** One action index per row of the probabilities {@code p [N * K]}, by inversion, row r drawing from {@code rows.apply(r)}. */
    private INDArray draw(double[] p, IntFunction<RandomGenerator> rows) {
        int k = numActions();
        double[] out = new double[p.length / k];
        for (int row = 0; row < out.length; row++) {
            out[row] = Categorical.draw(p, row * k, k, rows.apply(row).nextDouble());
        }
        return HostArrays.create(out, dataType(), out.length, 1);
    }

    @Override
    public INDArray logProb(INDArray theta, INDArray observations, INDArray actions) {
        try (Point point = at(theta, observations)) {
            return point.logProb(actions);
        }
    }

    @Override
    public INDArray entropy(INDArray theta, INDArray observations) {
        try (Point point = at(theta, observations)) {
            double[] p = point.p;
            int k = numActions();
            double[] out = new double[p.length / k];
            for (int i = 0; i < p.length; i++) {
                out[i / k] -= p[i] > 0 ? p[i] * Math.log(p[i]) : 0;
            }
            return HostArrays.create(out, dataType(), out.length);
        }
    }

    @Override
    public INDArray kl(INDArray thetaOld, INDArray thetaNew, INDArray observations) {
        try (Point p = at(thetaOld, observations); Point q = at(thetaNew, observations)) {
            return p.kl(q);
        }
    }

    /** The policy at fixed parameters and observations: one forward pass, its softmax, pooled buffers. */
    public final class Point implements PolicyPoint {
        private final Scratch scratch;
        private final Scratch.Lease lease;
        private final MlpPass pass;
        private final double[] p;

        private Point(INDArray theta, INDArray observations) {
            scratch = pool.acquire();
            lease = scratch.lease();
            pass = net.forward(theta, observations, scratch);
            p = Categorical.softmaxInPlace(HostArrays.read(pass.output()), numActions());
        }

        @Override
        public long rows() {
            return pass.rows();
        }

        @Override
        public INDArray logProb(INDArray actions) {
            int[] a = indices(actions);
            double[] out = new double[a.length];
            for (int row = 0; row < a.length; row++) {
                out[row] = Math.log(p[row * numActions() + a[row]]);
            }
            return HostArrays.create(out, dataType(), out.length);
        }

        @Override
        public INDArray kl(PolicyPoint other) {
            if (!(other instanceof Point next) || next.policy() != CategoricalMlpPolicy.this || next.rows() != rows()) {
                throw new IllegalArgumentException("the KL needs a point of the same policy on the same " + rows()
                        + " observations");
            }
            double[] q = next.p;
            int k = numActions();
            double[] out = new double[p.length / k];
            for (int i = 0; i < p.length; i++) {
                out[i / k] += p[i] > 0 ? p[i] * (Math.log(p[i]) - Math.log(q[i])) : 0;
            }
            return HostArrays.create(out, dataType(), out.length);
        }

        private CategoricalMlpPolicy policy() {
            return CategoricalMlpPolicy.this;
        }

        @Override
        public INDArray gradient(INDArray actions, INDArray weights) {
            try (Scratch.Lease call = scratch.lease()) {
                return pass.vjp(Rows.pooled(logitGradient(actions, weights), scratch, dataType(), rows(), numActions()));
            }
        }

        @Override
        public Curvature hessian(INDArray actions, INDArray weights) {
            double[] w = HostArrays.read(weights);
            MlpBackward backward = pass.backward(Rows.pooled(logitGradient(actions, weights), scratch, dataType(),
                    rows(), numActions()));
            return v -> {
                try (Scratch.Lease call = scratch.lease()) {
                    MlpTangent tangent = pass.tangent(v);
                    double[] rg = metricTimes(HostArrays.read(tangent.output()), w, -1);
                    return tangent.secondOrder(backward, Rows.pooled(rg, scratch, dataType(), rows(), numActions()));
                }
            };
        }

        @Override
        public INDArray fisherProduct(INDArray weights, INDArray v) {
            Rows.checkWeights(weights, rows(), dataType());
            try (Scratch.Lease call = scratch.lease()) {
                double[] mjv = metricTimes(HostArrays.read(pass.tangent(v).output()), HostArrays.read(weights), 1);
                return pass.vjp(Rows.pooled(mjv, scratch, dataType(), rows(), numActions()));
            }
        }

        @Override
        public void close() {
            lease.close();
            pool.release(scratch);
        }

        private int[] indices(INDArray actions) {
            Rows.checkActions(actions, rows(), 1, dataType());
            double[] a = HostArrays.read(actions);
            int[] out = new int[a.length];
            for (int i = 0; i < a.length; i++) {
                if (!(a[i] >= 0 && a[i] < numActions()) || a[i] != Math.rint(a[i])) {
                    throw new IllegalArgumentException("actions[" + i + "] must be an integer in [0, " + numActions()
                            + "), got " + a[i]);
                }
                out[i] = (int) a[i];
            }
            return out;
        }

        /** {@code w_n (e_{a_n} - p_n)}, {@code [N * K]}. */
        private double[] logitGradient(INDArray actions, INDArray weights) {
            int[] a = indices(actions);
            Rows.checkWeights(weights, rows(), dataType());
            double[] w = HostArrays.read(weights);
            int k = numActions();
            double[] g = new double[p.length];
            for (int i = 0; i < p.length; i++) {
                int row = i / k;
                g[i] = w[row] * ((i % k == a[row] ? 1 : 0) - p[i]);
            }
            return g;
        }

        /** {@code sign * w_n (diag(p_n) - p_n p_n^T) u_n} for every row. */
        private double[] metricTimes(double[] u, double[] w, double sign) {
            int k = numActions();
            double[] out = new double[p.length];
            for (int row = 0; row < p.length / k; row++) {
                double pu = 0;
                for (int j = 0; j < k; j++) {
                    pu += p[row * k + j] * u[row * k + j];
                }
                for (int j = 0; j < k; j++) {
                    int i = row * k + j;
                    out[i] = sign * w[row] * p[i] * (u[i] - pu);
                }
            }
            return out;
        }
    }

    /** Row-wise softmax of logits {@code [N * K]}, in place. */
}
