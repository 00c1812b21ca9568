package io.github.metarl4j.policy;

import static io.github.metarl4j.testing.FiniteDifferences.assertClose;
import static io.github.metarl4j.testing.FiniteDifferences.randomMatrix;
import static io.github.metarl4j.testing.FiniteDifferences.randomVector;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metarl4j.nn.Activation;
import io.github.metarl4j.testing.FiniteDifferences;
import io.github.metarl4j.testing.Products;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Every product of both policies against central finite differences, in double precision. */
class PolicyDerivativesTest {

    private static final int OBS = 3;
    private static final int ROWS = 7;

    static Stream<Arguments> policies() {
        return Stream.of(11L, 12L, 13L).flatMap(seed -> Stream.of(
                Arguments.of("categorical tanh", new CategoricalMlpPolicy(OBS, new int[] {5, 4}, 3, Activation.TANH, DataType.DOUBLE), seed),
                Arguments.of("categorical relu", new CategoricalMlpPolicy(OBS, new int[] {6}, 4, Activation.RELU, DataType.DOUBLE), seed),
                Arguments.of("gaussian tanh", new GaussianMlpPolicy(OBS, new int[] {5, 4}, 2, Activation.TANH, 0.0, DataType.DOUBLE), seed),
                Arguments.of("gaussian relu", new GaussianMlpPolicy(OBS, new int[] {6}, 2, Activation.RELU, -0.3, DataType.DOUBLE), seed),
                Arguments.of("gaussian tanh, wide", new GaussianMlpPolicy(OBS, new int[] {12, 10}, 2, Activation.TANH, 0.0, DataType.DOUBLE), seed),
                Arguments.of("categorical tanh, wide", new CategoricalMlpPolicy(OBS, new int[] {10, 12}, 3, Activation.TANH, DataType.DOUBLE), seed)));
    }

    /** Parameters with non-zero biases and log-stds, so every term matters. */
    static INDArray theta(Policy policy, long seed) {
        return policy.initialParameters(new SplittableRandom(seed)).addi(randomVector(policy.numParams(), seed + 50).muli(0.3));
    }

    static INDArray actions(Policy policy, INDArray theta, INDArray obs, long seed) {
        return policy.sample(theta, obs, new SplittableRandom(seed));
    }

    @ParameterizedTest(name = "{0} seed {2}")
    @MethodSource("policies")
    void gradient_matchesFiniteDifferences(String name, Policy policy, long seed) {
        INDArray theta = theta(policy, seed);
        INDArray obs = randomMatrix(ROWS, OBS, seed + 1);
        INDArray act = actions(policy, theta, obs, seed + 2);
        INDArray w = randomVector(ROWS, seed + 3);
        INDArray expected = FiniteDifferences.gradient(
                th -> policy.logProb(th, obs, act).mul(w).sumNumber().doubleValue(), theta);
        assertClose(expected, Products.gradient(policy, theta, obs, act, w), 1e-7, name + " gradient");
    }

    @ParameterizedTest(name = "{0} seed {2}")
    @MethodSource("policies")
    void hvp_matchesFiniteDifferencesOfGradient_andIsSymmetric(String name, Policy policy, long seed) {
        INDArray theta = theta(policy, seed);
        INDArray obs = randomMatrix(ROWS, OBS, seed + 1);
        INDArray act = actions(policy, theta, obs, seed + 2);
        INDArray w = randomVector(ROWS, seed + 3);
        INDArray u = randomVector(policy.numParams(), seed + 4);
        INDArray v = randomVector(policy.numParams(), seed + 5);
        Function<INDArray, INDArray> grad = th -> Products.gradient(policy, th, obs, act, w);
        INDArray hv = Products.hvp(policy, theta, obs, act, w, v);
        assertClose(FiniteDifferences.directional(grad, theta, v), hv, 1e-6, name + " HVP");
        INDArray hu = Products.hvp(policy, theta, obs, act, w, u);
        double uhv = u.mul(hv).sumNumber().doubleValue();
        assertEquals(uhv, v.mul(hu).sumNumber().doubleValue(), 1e-10 * Math.max(1, Math.abs(uhv)), name + " u.Hv = v.Hu");
    }

    @ParameterizedTest(name = "{0} seed {2}")
    @MethodSource("policies")
    void kl_isZeroAtEqualParameters_positiveOtherwise_andItsCurvatureIsTheFisher(String name, Policy policy, long seed) {
        INDArray theta = theta(policy, seed);
        INDArray obs = randomMatrix(ROWS, OBS, seed + 1);
        assertEquals(0, policy.kl(theta, theta, obs).amaxNumber().doubleValue(), 1e-15);
        INDArray other = theta.add(randomVector(policy.numParams(), seed + 6).muli(0.1));
        assertTrue(policy.kl(theta, other, obs).minNumber().doubleValue() > 0, name + " KL > 0");
        // Mean KL q(x) = mean_n KL(theta || theta + x): q(0) = 0, grad q(0) = 0, Hessian = F with w = 1/N.
        INDArray w = Nd4j.valueArrayOf(new long[] {ROWS}, 1.0 / ROWS, DataType.DOUBLE);
        INDArray u = randomVector(policy.numParams(), seed + 7);
        INDArray v = randomVector(policy.numParams(), seed + 8);
        double h = 1e-4;
        // KL(theta || theta + h x) + KL(theta || theta - h x) = h^2 x^T F x + O(h^4); polarisation gives u^T F v
        java.util.function.ToDoubleFunction<INDArray> q = x -> (policy.kl(theta, theta.add(x.mul(h)), obs)
                .meanNumber().doubleValue() + policy.kl(theta, theta.sub(x.mul(h)), obs).meanNumber().doubleValue())
                / (h * h);
        double uFv = (q.applyAsDouble(u.add(v)) - q.applyAsDouble(u.sub(v))) / 4;
        double exact = u.mul(Products.fisher(policy, theta, obs, w, v)).sumNumber().doubleValue();
        assertEquals(uFv, exact, 1e-5 * Math.max(1, Math.abs(exact)), name + " u^T F v against the KL's curvature");
    }

    /** F = sum_n w_n J_n^T M_n J_n built explicitly, J_n column by column from finite differences. */
    @ParameterizedTest(name = "{0} seed {2}")
    @MethodSource("policies")
    void fisherProduct_matchesExplicitJacobianMetricJacobian(String name, Policy policy, long seed) {
        INDArray theta = theta(policy, seed);
        INDArray obs = randomMatrix(ROWS, OBS, seed + 1);
        INDArray w = randomVector(ROWS, seed + 9).muli(0.5).addi(1);
        INDArray v = randomVector(policy.numParams(), seed + 10);
        int p = policy.numParams();
        INDArray params = distributionParameters(policy, theta, obs);
        int m = (int) params.size(1);
        double[][][] jac = new double[ROWS][m][p];
        for (int i = 0; i < p; i++) {
            INDArray e = Nd4j.zeros(DataType.DOUBLE, p);
            e.putScalar(i, 1);
            INDArray col = FiniteDifferences.directional(th -> distributionParameters(policy, th, obs), theta, e);
            for (int n = 0; n < ROWS; n++) {
                for (int k = 0; k < m; k++) {
                    jac[n][k][i] = col.getDouble(n, k);
                }
            }
        }
        double[] fv = new double[p];
        for (int n = 0; n < ROWS; n++) {
            double[][] metric = metric(policy, params.getRow(n).toDoubleVector());
            double[] jv = new double[m];
            for (int k = 0; k < m; k++) {
                for (int i = 0; i < p; i++) {
                    jv[k] += jac[n][k][i] * v.getDouble(i);
                }
            }
            for (int i = 0; i < p; i++) {
                for (int k = 0; k < m; k++) {
                    for (int l = 0; l < m; l++) {
                        fv[i] += w.getDouble(n) * jac[n][k][i] * metric[k][l] * jv[l];
                    }
                }
            }
        }
        assertClose(Nd4j.create(fv, new long[] {p}, DataType.DOUBLE), Products.fisher(policy, theta, obs, w, v), 1e-7,
                name + " Fisher product");
    }

    /** Logits {@code [N, K]}, or {@code [mu, rho]} per row {@code [N, 2d]}. */
    static INDArray distributionParameters(Policy policy, INDArray theta, INDArray obs) {
        if (policy instanceof CategoricalMlpPolicy c) {
            return c.network().forward(theta, obs, new io.github.metarl4j.nn.Scratch()).output();
        }
        GaussianMlpPolicy g = (GaussianMlpPolicy) policy;
        int pn = g.network().numParams();
        INDArray mu = g.network().forward(theta.get(NDArrayIndex.interval(0, pn)), obs, new io.github.metarl4j.nn.Scratch())
                .output();
        INDArray rho = theta.get(NDArrayIndex.interval(pn, g.numParams())).reshape(1, g.actDim());
        return Nd4j.hstack(mu, Nd4j.repeat(rho, (int) obs.size(0)).reshape(obs.size(0), g.actDim()));
    }

    /** The KL metric on one row's distribution parameters, written out by hand. */
    static double[][] metric(Policy policy, double[] params) {
        int m = params.length;
        double[][] metric = new double[m][m];
        if (policy instanceof CategoricalMlpPolicy) {
            double max = java.util.Arrays.stream(params).max().orElseThrow();
            double[] p = java.util.Arrays.stream(params).map(z -> Math.exp(z - max)).toArray();
            double sum = java.util.Arrays.stream(p).sum();
            for (int k = 0; k < m; k++) {
                for (int l = 0; l < m; l++) {
                    metric[k][l] = (k == l ? p[k] / sum : 0) - p[k] / sum * p[l] / sum;
                }
            }
        } else {
            int d = m / 2;
            for (int j = 0; j < d; j++) {
                metric[j][j] = Math.exp(-2 * params[d + j]);
                metric[d + j][d + j] = 2;
            }
        }
        return metric;
    }
}
