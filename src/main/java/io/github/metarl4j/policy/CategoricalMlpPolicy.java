package io.github.metarl4j.policy;

import io.github.metarl4j.data.HostArrays;
import io.github.metarl4j.nn.Activation;
import io.github.metarl4j.nn.Mlp;
import io.github.metarl4j.nn.MlpPass;
import io.github.metarl4j.nn.MlpTangent;
import io.github.metarl4j.nn.Scratch;
import java.util.function.Function;
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
    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

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

    /** Row-wise softmax of the logits, {@code [N * K]} row-major. */
    private double[] probabilities(MlpPass pass) {
        double[] p = HostArrays.read(pass.output());
        int k = numActions();
        for (int row = 0; row < p.length / k; row++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < k; j++) {
                max = Math.max(max, p[row * k + j]);
            }
            double sum = 0;
            for (int j = 0; j < k; j++) {
                p[row * k + j] = Math.exp(p[row * k + j] - max);
                sum += p[row * k + j];
            }
            for (int j = 0; j < k; j++) {
                p[row * k + j] /= sum;
            }
        }
        return p;
    }

    private MlpPass forward(INDArray theta, INDArray obs, Scratch s) {
        Rows.checkObservations(obs, obsDim(), dataType());
        return net.forward(theta, obs, s);
    }

    /** Runs {@code body} in a lease of this thread's scratch pool; results must not be pooled buffers. */
    private <R> R pooled(Function<Scratch, R> body) {
        Scratch s = scratch.get();
        try (Scratch.Lease lease = s.lease()) {
            return body.apply(s);
        }
    }

    private int[] indices(INDArray actions, long rows) {
        Rows.checkActions(actions, rows, 1, dataType());
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

    @Override
    public INDArray sample(INDArray theta, INDArray observations, RandomGenerator rng) {
        return pooled(s -> {
            double[] p = probabilities(forward(theta, observations, s));
            int k = numActions();
            double[] out = new double[p.length / k];
            for (int row = 0; row < out.length; row++) {
                double u = rng.nextDouble();
                int j = 0;
                double cumulative = p[row * k];
                while (u >= cumulative && j < k - 1) {
                    cumulative += p[row * k + ++j];
                }
                out[row] = j;
            }
            return HostArrays.create(out, dataType(), out.length, 1);
        });
    }

    @Override
    public INDArray logProb(INDArray theta, INDArray observations, INDArray actions) {
        return pooled(s -> {
            double[] p = probabilities(forward(theta, observations, s));
            int[] a = indices(actions, observations.size(0));
            double[] out = new double[a.length];
            for (int row = 0; row < a.length; row++) {
                out[row] = Math.log(p[row * numActions() + a[row]]);
            }
            return HostArrays.create(out, dataType(), out.length);
        });
    }

    @Override
    public INDArray entropy(INDArray theta, INDArray observations) {
        return pooled(s -> {
            double[] p = probabilities(forward(theta, observations, s));
            int k = numActions();
            double[] out = new double[p.length / k];
            for (int i = 0; i < p.length; i++) {
                out[i / k] -= p[i] > 0 ? p[i] * Math.log(p[i]) : 0;
            }
            return HostArrays.create(out, dataType(), out.length);
        });
    }

    @Override
    public INDArray kl(INDArray thetaOld, INDArray thetaNew, INDArray observations) {
        return pooled(s -> {
            double[] p = probabilities(forward(thetaOld, observations, s));
            double[] q = probabilities(forward(thetaNew, observations, s));
            int k = numActions();
            double[] out = new double[p.length / k];
            for (int i = 0; i < p.length; i++) {
                out[i / k] += p[i] > 0 ? p[i] * (Math.log(p[i]) - Math.log(q[i])) : 0;
            }
            return HostArrays.create(out, dataType(), out.length);
        });
    }

    @Override
    public INDArray logProbGradient(INDArray theta, INDArray observations, INDArray actions, INDArray weights) {
        return pooled(s -> {
            MlpPass pass = forward(theta, observations, s);
            return pass.vjp(Rows.pooled(logitGradient(pass, actions, weights), s, dataType(), pass.rows(), numActions()));
        });
    }

    /** {@code w_n (e_{a_n} - p_n)}, {@code [N * K]}. */
    private double[] logitGradient(MlpPass pass, INDArray actions, INDArray weights) {
        double[] p = probabilities(pass);
        int[] a = indices(actions, pass.rows());
        Rows.checkWeights(weights, pass.rows(), dataType());
        double[] w = HostArrays.read(weights);
        int k = numActions();
        double[] g = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            int row = i / k;
            g[i] = w[row] * ((i % k == a[row] ? 1 : 0) - p[i]);
        }
        return g;
    }

    @Override
    public INDArray logProbHvp(INDArray theta, INDArray observations, INDArray actions, INDArray weights, INDArray v) {
        return pooled(s -> {
            MlpPass pass = forward(theta, observations, s);
            double[] g = logitGradient(pass, actions, weights);
            MlpTangent tangent = pass.tangent(v);
            double[] rg = metricTimes(probabilities(pass), HostArrays.read(tangent.output()), HostArrays.read(weights), -1);
            long n = pass.rows();
            return tangent.secondOrder(Rows.pooled(g, s, dataType(), n, numActions()),
                    Rows.pooled(rg, s, dataType(), n, numActions()));
        });
    }

    @Override
    public INDArray fisherProduct(INDArray theta, INDArray observations, INDArray weights, INDArray v) {
        return pooled(s -> {
            MlpPass pass = forward(theta, observations, s);
            Rows.checkWeights(weights, pass.rows(), dataType());
            double[] mjv = metricTimes(probabilities(pass), HostArrays.read(pass.tangent(v).output()), HostArrays.read(weights), 1);
            return pass.vjp(Rows.pooled(mjv, s, dataType(), pass.rows(), numActions()));
        });
    }

    /** {@code sign * w_n (diag(p_n) - p_n p_n^T) u_n} for every row. */
    private double[] metricTimes(double[] p, double[] u, double[] w, double sign) {
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
