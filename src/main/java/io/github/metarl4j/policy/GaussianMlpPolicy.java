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
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A diagonal Gaussian policy over {@code R^d}: the mean is an MLP of the observation and the
 * log standard deviation {@code rho [d]} is a learned, state-independent parameter (the MAML
 * paper's policy; Duan et al., "Benchmarking Deep RL for Continuous Control", 2016).
 * {@code theta = [theta_net (P_net), rho (d)]}.
 *
 * <p>Per row, with {@code u = (a - mu) / sigma}, {@code sigma = exp(rho)}:
 * {@code log pi = sum_j (-u_j^2 / 2 - rho_j - log(2 pi) / 2)};
 * {@code d/dmu = u / sigma}, {@code d/drho = u^2 - 1};
 * {@code d2/dmu2 = -1 / sigma^2}, {@code d2/dmu drho = -2 u / sigma}, {@code d2/drho2 = -2 u^2};
 * and the KL metric on (mu, rho) is {@code diag(1 / sigma^2)} for mu and 2 for rho.
 *
 * <p>As in the MAML reference implementation, the log standard deviation is clamped from below at
 * {@link #MIN_LOG_STD} {@code = log 1e-6}: the policy uses {@code max(rho_j, log 1e-6)}, so an
 * adaptation step that drives {@code rho_j} below the clamp cannot make {@code sigma} vanish, and
 * every derivative with respect to a clamped {@code rho_j} is zero (as the clamp's own derivative is).
 */
public final class GaussianMlpPolicy implements Policy {

    private static final double HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

    /** The lower clamp of every log standard deviation, {@code log 1e-6}. */
    public static final double MIN_LOG_STD = Math.log(1e-6);

    private final Mlp net;
    private final double initialLogStd;
    private final ScratchPool pool = new ScratchPool();

    /**
     * @param obsDim        observation width
     * @param hidden        hidden layer widths
     * @param actDim        d, the action dimension
     * @param activation    hidden nonlinearity
     * @param initialLogStd the log standard deviation {@link #initialParameters} sets (log 1 = 0 in the MAML paper)
     * @param dataType      FLOAT or DOUBLE
     */
    public GaussianMlpPolicy(int obsDim, int[] hidden, int actDim, Activation activation, double initialLogStd,
                             DataType dataType) {
        if (!Double.isFinite(initialLogStd)) {
            throw new IllegalArgumentException("initial log-std must be finite, got " + initialLogStd);
        }
        this.net = new Mlp(obsDim, hidden, actDim, activation, dataType);
        this.initialLogStd = initialLogStd;
    }

    public Mlp network() {
        return net;
    }

    @Override
    public int numParams() {
        return net.numParams() + actDim();
    }

    @Override
    public int obsDim() {
        return net.inDim();
    }

    @Override
    public int actDim() {
        return net.outDim();
    }

    @Override
    public DataType dataType() {
        return net.dataType();
    }

    @Override
    public INDArray initialParameters(RandomGenerator rng) {
        INDArray theta = Nd4j.create(dataType(), numParams());
        netPart(theta).assign(net.initialParameters(rng));
        logStdPart(theta).assign(initialLogStd);
        return theta;
    }

    private INDArray netPart(INDArray theta) {
        return theta.get(NDArrayIndex.interval(0, net.numParams()));
    }

    private INDArray logStdPart(INDArray theta) {
        return theta.get(NDArrayIndex.interval(net.numParams(), numParams()));
    }

    /** The log standard deviations the policy uses: {@code max(rho_j, MIN_LOG_STD)}, {@code [d]}. */
    private double[] clampedLogStd(INDArray theta) {
        double[] rho = HostArrays.read(logStdPart(theta));
        for (int j = 0; j < rho.length; j++) {
            rho[j] = Math.max(rho[j], MIN_LOG_STD);
        }
        return rho;
    }

    private void checkTheta(INDArray theta, String what) {
        if (theta == null || theta.rank() != 1 || theta.length() != numParams() || theta.dataType() != dataType()) {
            throw new IllegalArgumentException(what + " must be a " + dataType() + " vector of length "
                    + numParams() + ", got " + Rows.describe(theta));
        }
    }

    @Override
    public Point at(INDArray theta, INDArray observations) {
        checkTheta(theta, "parameter vector");
        Rows.checkObservations(observations, obsDim(), dataType());
        return new Point(theta, observations);
    }

    @Override
    public INDArray sample(INDArray theta, INDArray observations, RandomGenerator rng) {
        try (Point d = at(theta, observations)) {
            return draw(d.mu, new double[][] {d.rho}, row -> rng);
        }
    }

    @Override
    public GaussianMlpSpec spec() {
        return new GaussianMlpSpec(obsDim(), net.hidden(), actDim(), net.activation(), initialLogStd, dataType());
    }

    /**
     * Row block i acts with {@code thetas[i]} (one vector: every block of the streams with it), each
     * block in its own pass of one batched network call.
     */
    ActionFunction blockActions(List<INDArray> thetas) {
        for (int i = 0; i < thetas.size(); i++) {
            checkTheta(thetas.get(i), "parameter vector " + i);
        }
        BlockNetwork blocks = new BlockNetwork(net, thetas.stream().map(this::netPart).toList());
        double[][] rho = thetas.stream().map(this::clampedLogStd).toArray(double[][]::new);
        return (observations, rng) -> {
            Rows.checkObservations(observations, obsDim(), dataType());
            return draw(HostArrays.read(blocks.output(observations, rng)), rho, rng::row);
        };
    }

    /**
     * {@code mu + exp(rho) eps} per row of {@code mu [N * d]}, in row order, row r drawing from
     * {@code rows.apply(r)}; row block i (of N / M rows) uses the log-stds {@code rho[i]}.
     */
    private INDArray draw(double[] mu, double[][] rho, IntFunction<RandomGenerator> rows) {
        int k = actDim();
        int n = mu.length / k;
        int perBlock = n / rho.length;
        double[] out = new double[mu.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = mu[i] + Math.exp(rho[i / k / perBlock][i % k]) * rows.apply(i / k).nextGaussian();
        }
        return HostArrays.create(out, dataType(), n, k);
    }

    @Override
    public INDArray logProb(INDArray theta, INDArray observations, INDArray actions) {
        try (Point d = at(theta, observations)) {
            return d.logProb(actions);
        }
    }

    @Override
    public INDArray entropy(INDArray theta, INDArray observations) {
        checkTheta(theta, "parameter vector");
        Rows.checkObservations(observations, obsDim(), dataType());
        double perRow = 0;
        for (double r : clampedLogStd(theta)) {
            perRow += r + 0.5 + HALF_LOG_2PI;
        }
        return Nd4j.valueArrayOf(new long[] {observations.size(0)}, perRow, dataType());
    }

    @Override
    public INDArray kl(INDArray thetaOld, INDArray thetaNew, INDArray observations) {
        try (Point p = at(thetaOld, observations); Point q = at(thetaNew, observations)) {
            return p.kl(q);
        }
    }

    /** The policy at fixed parameters and observations: the mean network's pass and the log-stds. */
    public final class Point implements PolicyPoint {
        private final Scratch scratch;
        private final Scratch.Lease lease;
        private final MlpPass pass;
        private final double[] mu;
        private final double[] rho;
        /** 1 where {@code rho_j} is above the clamp (derivatives pass), 0 where it is clamped. */
        private final double[] open;

        private Point(INDArray theta, INDArray observations) {
            scratch = pool.acquire();
            lease = scratch.lease();
            pass = net.forward(netPart(theta), observations, scratch);
            mu = HostArrays.read(pass.output());
            double[] raw = HostArrays.read(logStdPart(theta));
            rho = clampedLogStd(theta);
            open = new double[raw.length];
            for (int j = 0; j < raw.length; j++) {
                open[j] = raw[j] >= MIN_LOG_STD ? 1 : 0;
            }
        }

        /** The log-std part of a direction, zero in the clamped coordinates. */
        private double[] openPart(INDArray v) {
            double[] vRho = HostArrays.read(logStdPart(v));
            for (int j = 0; j < vRho.length; j++) {
                vRho[j] *= open[j];
            }
            return vRho;
        }

        @Override
        public long rows() {
            return pass.rows();
        }

        /** {@code u = (a - mu) / sigma}, {@code [N * d]}. */
        private double[] standardized(INDArray actions) {
            Rows.checkActions(actions, rows(), actDim(), dataType());
            double[] a = HostArrays.read(actions);
            int k = actDim();
            double[] inverseSigma = new double[k];
            for (int j = 0; j < k; j++) {
                inverseSigma[j] = Math.exp(-rho[j]);
            }
            double[] u = new double[a.length];
            for (int i = 0; i < a.length; i++) {
                if (!Double.isFinite(a[i])) {
                    throw new IllegalArgumentException("actions[" + i / k + ", " + i % k + "] must be finite, got " + a[i]);
                }
                u[i] = (a[i] - mu[i]) * inverseSigma[i % k];
            }
            return u;
        }

        private double[] weights(INDArray weights) {
            Rows.checkWeights(weights, rows(), dataType());
            return HostArrays.read(weights);
        }

        @Override
        public INDArray logProb(INDArray actions) {
            double[] u = standardized(actions);
            int k = actDim();
            double[] out = new double[u.length / k];
            for (int i = 0; i < u.length; i++) {
                out[i / k] += -0.5 * u[i] * u[i] - rho[i % k] - HALF_LOG_2PI;
            }
            return HostArrays.create(out, dataType(), out.length);
        }

        @Override
        public INDArray kl(PolicyPoint other) {
            if (!(other instanceof Point q) || q.policy() != GaussianMlpPolicy.this || q.rows() != rows()) {
                throw new IllegalArgumentException("the KL needs a point of the same policy on the same " + rows()
                        + " observations");
            }
            int k = actDim();
            double[] out = new double[mu.length / k];
            for (int i = 0; i < mu.length; i++) {
                int j = i % k;
                double varP = Math.exp(2 * rho[j]);
                double varQ = Math.exp(2 * q.rho[j]);
                double dm = mu[i] - q.mu[i];
                out[i / k] += q.rho[j] - rho[j] + (varP + dm * dm) / (2 * varQ) - 0.5;
            }
            return HostArrays.create(out, dataType(), out.length);
        }

        private GaussianMlpPolicy policy() {
            return GaussianMlpPolicy.this;
        }

        @Override
        public INDArray gradient(INDArray actions, INDArray weights) {
            double[] u = standardized(actions);
            double[] w = weights(weights);
            int k = actDim();
            double[] gMu = new double[u.length];
            double[] gRho = new double[k];
            for (int i = 0; i < u.length; i++) {
                double wi = w[i / k];
                gMu[i] = wi * u[i] / Math.exp(rho[i % k]);
                gRho[i % k] += open[i % k] * wi * (u[i] * u[i] - 1);
            }
            try (Scratch.Lease call = scratch.lease()) {
                return join(pass.vjp(Rows.pooled(gMu, scratch, dataType(), rows(), k)), gRho);
            }
        }

        @Override
        public Curvature hessian(INDArray actions, INDArray weights) {
            double[] u = standardized(actions);
            double[] w = weights(weights);
            int k = actDim();
            double[] inverseSigma = new double[k];
            for (int j = 0; j < k; j++) {
                inverseSigma[j] = Math.exp(-rho[j]);
            }
            double[] gMu = new double[u.length];
            for (int i = 0; i < u.length; i++) {
                gMu[i] = w[i / k] * u[i] * inverseSigma[i % k];
            }
            MlpBackward backward = pass.backward(Rows.pooled(gMu, scratch, dataType(), rows(), k));
            return v -> {
                checkTheta(v, "direction");
                double[] vRho = openPart(v);
                try (Scratch.Lease call = scratch.lease()) {
                    MlpTangent tangent = pass.tangent(netPart(v));
                    double[] rMu = HostArrays.read(tangent.output());
                    double[] rgMu = new double[u.length];
                    double[] hRho = new double[k];
                    for (int i = 0; i < u.length; i++) {
                        int j = i % k;
                        double wi = w[i / k];
                        double is = inverseSigma[j];
                        rgMu[i] = wi * (-rMu[i] * is * is - 2 * u[i] * is * vRho[j]);
                        hRho[j] += open[j] * wi * (-2 * u[i] * is * rMu[i] - 2 * u[i] * u[i] * vRho[j]);
                    }
                    return join(tangent.secondOrder(backward, Rows.pooled(rgMu, scratch, dataType(), rows(), k)),
                            hRho);
                }
            };
        }

        @Override
        public INDArray fisherProduct(INDArray weights, INDArray v) {
            checkTheta(v, "direction");
            double[] w = weights(weights);
            double[] vRho = openPart(v);
            int k = actDim();
            try (Scratch.Lease call = scratch.lease()) {
                double[] rMu = HostArrays.read(pass.tangent(netPart(v)).output());
                double[] mJv = new double[rMu.length];
                for (int i = 0; i < rMu.length; i++) {
                    mJv[i] = w[i / k] * rMu[i] / Math.exp(2 * rho[i % k]);
                }
                double wSum = 0;
                for (double wi : w) {
                    wSum += wi;
                }
                double[] fRho = new double[k];
                for (int j = 0; j < k; j++) {
                    fRho[j] = 2 * wSum * vRho[j];
                }
                return join(pass.vjp(Rows.pooled(mJv, scratch, dataType(), rows(), k)), fRho);
            }
        }

        @Override
        public void close() {
            lease.close();
            pool.release(scratch);
        }
    }

    /** {@code [netPart, rhoPart]} as one {@code [P]} vector, joined on the host (one native allocation). */
    private INDArray join(INDArray netPart, double[] rhoPart) {
        double[] out = java.util.Arrays.copyOf(HostArrays.read(netPart), numParams());
        System.arraycopy(rhoPart, 0, out, net.numParams(), rhoPart.length);
        return HostArrays.create(out, dataType(), out.length);
    }
}
