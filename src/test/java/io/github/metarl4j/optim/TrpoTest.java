package io.github.metarl4j.optim;

import static io.github.metarl4j.testing.FiniteDifferences.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class TrpoTest {

    /** A symmetric positive definite 5x5 matrix. */
    private static final double[][] C = {
        {4, 1, 0, 0.5, 0}, {1, 3, 0.2, 0, 0}, {0, 0.2, 2, 0, 0.1}, {0.5, 0, 0, 1, 0}, {0, 0, 0.1, 0, 0.5}};
    private static final INDArray CM = Nd4j.create(C).castTo(DataType.DOUBLE);
    private static final INDArray G = Nd4j.create(new double[] {1, -2, 0.5, 3, -1}, new long[] {5}, DataType.DOUBLE);
    private static final INDArray THETA0 = Nd4j.create(new double[] {0.1, 0.2, 0.3, 0.4, 0.5}, new long[] {5},
            DataType.DOUBLE);

    /**
     * L(theta) = g.d + d^T A d / 2 and KL(theta) = klScale d^T C d / 2 with d = theta - theta0: the
     * curvature operator reports C, so klScale > 1 makes the model underestimate the true KL.
     */
    private static TrustRegionProblem quadratic(double valueSign, double klScale) {
        return new TrustRegionProblem() {
            @Override
            public INDArray gradient() {
                return G.dup();
            }

            @Override
            public INDArray curvatureTimes(INDArray v) {
                return CM.mmul(v.reshape(5, 1)).reshape(5);
            }

            @Override
            public Evaluation evaluate(INDArray theta) {
                INDArray d = theta.sub(THETA0);
                return new Evaluation(valueSign * G.mul(d).sumNumber().doubleValue() + 0.5 * quad(d),
                        klScale * 0.5 * quad(d));
            }
        };
    }

    private static double quad(INDArray d) {
        return d.mul(CM.mmul(d.reshape(5, 1)).reshape(5)).sumNumber().doubleValue();
    }

    @Test
    void conjugateGradient_solvesExactlyWithEnoughIterations_andKeepsTheLastIterateOtherwise() {
        double[] expected = new LUDecomposition(new Array2DRowRealMatrix(C)).getSolver()
                .solve(new ArrayRealVector(G.toDoubleVector())).toArray();
        INDArray exact = new Trpo(new TrpoConfig(0.01, 10, 0, 15, 0.8)).solve(quadratic(1, 1), G);
        assertClose(Nd4j.create(expected, new long[] {5}, DataType.DOUBLE), exact, 1e-8, "CG solution");
        INDArray partial = new Trpo(new TrpoConfig(0.01, 2, 0, 15, 0.8)).solve(quadratic(1, 1), G);
        double residual = G.sub(CM.mmul(partial.reshape(5, 1)).reshape(5)).norm2Number().doubleValue();
        assertTrue(residual > 1e-6 && residual < G.norm2Number().doubleValue(),
                "two iterations reduce but do not remove the residual: " + residual);
    }

    /** A 12 x 12 SPD matrix with spread eigenvalues, so CG has not converged after 10 iterations. */
    private static double[][] spd12() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(5);
        double[][] m = new double[12][12];
        for (double[] row : m) {
            for (int j = 0; j < 12; j++) {
                row[j] = rng.nextGaussian();
            }
        }
        double[][] a = new double[12][12];
        for (int i = 0; i < 12; i++) {
            for (int j = 0; j < 12; j++) {
                for (int k = 0; k < 12; k++) {
                    a[i][j] += m[i][k] * m[j][k];
                }
            }
            a[i][i] += 0.01 * (i + 1);
        }
        return a;
    }

    /** The textbook conjugate-gradient loop from x = 0, {@code iterations} products of A. */
    private static double[] naiveCg(double[][] a, double[] b, int iterations) {
        int n = b.length;
        double[] x = new double[n];
        double[] r = b.clone();
        double[] p = b.clone();
        double rr = dot(r, r);
        for (int it = 0; it < iterations; it++) {
            double[] ap = new double[n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    ap[i] += a[i][j] * p[j];
                }
            }
            double step = rr / dot(p, ap);
            for (int i = 0; i < n; i++) {
                x[i] += step * p[i];
                r[i] -= step * ap[i];
            }
            double next = dot(r, r);
            for (int i = 0; i < n; i++) {
                p[i] = r[i] + next / rr * p[i];
            }
            rr = next;
        }
        return x;
    }

    private static double dot(double[] u, double[] v) {
        double s = 0;
        for (int i = 0; i < u.length; i++) {
            s += u[i] * v[i];
        }
        return s;
    }

    @ParameterizedTest(name = "{0} iterations")
    @ValueSource(ints = {1, 2, 5, 10})
    void conjugateGradient_runsExactlyTheConfiguredIterations_oneCurvatureProductEach(int iterations) {
        double[][] a = spd12();
        INDArray am = Nd4j.create(a).castTo(DataType.DOUBLE);
        double[] b = new double[12];
        for (int i = 0; i < 12; i++) {
            b[i] = Math.sin(i + 1.0);
        }
        INDArray g = Nd4j.create(b, new long[] {12}, DataType.DOUBLE);
        int[] calls = {0};
        TrustRegionProblem counted = new TrustRegionProblem() {
            @Override
            public INDArray gradient() {
                return g.dup();
            }

            @Override
            public INDArray curvatureTimes(INDArray v) {
                calls[0]++;
                return am.mmul(v.reshape(12, 1)).reshape(12);
            }

            @Override
            public Evaluation evaluate(INDArray theta) {
                return new Evaluation(0, 0);
            }
        };
        INDArray x = new Trpo(new TrpoConfig(0.01, iterations, 0, 15, 0.8)).solve(counted, g);
        assertEquals(iterations, calls[0], "curvature products for " + iterations + " CG iterations");
        assertClose(Nd4j.create(naiveCg(a, b, iterations), new long[] {12}, DataType.DOUBLE), x, 1e-9,
                iterations + " CG iterations against the textbook loop");
    }

    @Test
    void fullStep_isScaledToTheKlBound() {
        TrpoConfig cfg = new TrpoConfig(0.01, 10, 0, 15, 0.8);
        // the scaled full step has model KL exactly maxKl: true KL 0.99 maxKl is accepted at once ...
        Trpo.Result under = new Trpo(cfg).step(quadratic(1, 0.99), THETA0);
        assertTrue(under.accepted());
        assertEquals(0, under.backtracks());
        assertEquals(0.99 * 0.01, under.kl(), 1e-10);
        assertTrue(under.valueAfter() < under.valueBefore());
        // ... true KL 1.01 maxKl is refused, and 0.8 of the step has 0.64 * 1.01 maxKl
        Trpo.Result over = new Trpo(cfg).step(quadratic(1, 1.01), THETA0);
        assertEquals(1, over.backtracks());
        assertEquals(0.64 * 1.01 * 0.01, over.kl(), 1e-10);
    }

    @Test
    void lineSearch_neverAcceptsAStepThatBreaksTheKlBound() {
        // the true KL is 10x the model's: candidates need fraction^2 * 10 < 1, i.e. 0.8^k < 0.316, k >= 6
        Trpo.Result r = new Trpo(new TrpoConfig(0.01, 10, 0, 15, 0.8)).step(quadratic(1, 10), THETA0);
        assertTrue(r.accepted());
        assertEquals(6, r.backtracks());
        assertTrue(r.kl() < 0.01, "accepted KL " + r.kl());
    }

    @Test
    void noImprovingCandidate_keepsThetaOld() {
        // the gradient reported points the wrong way: every candidate raises the objective
        Trpo.Result r = new Trpo(TrpoConfig.MAML_PAPER).step(quadratic(-1, 1), THETA0);
        assertFalse(r.accepted());
        assertSame(THETA0, r.theta());
        assertEquals(15, r.backtracks());
    }

    @Test
    void badConfigs_areRejectedNamingTheKey() {
        assertEquals("maxKl must be finite and > 0, got 0.0", assertThrows(IllegalArgumentException.class,
                () -> new TrpoConfig(0, 10, 1e-5, 15, 0.8)).getMessage());
        assertEquals("cgIterations must be >= 1, got 0", assertThrows(IllegalArgumentException.class,
                () -> new TrpoConfig(0.01, 0, 1e-5, 15, 0.8)).getMessage());
        assertEquals("backtrackRatio must be in (0, 1), got 1.0", assertThrows(IllegalArgumentException.class,
                () -> new TrpoConfig(0.01, 10, 1e-5, 15, 1.0)).getMessage());
        assertEquals("cgDamping must be finite and >= 0, got -1.0", assertThrows(IllegalArgumentException.class,
                () -> new TrpoConfig(0.01, 10, -1, 15, 0.8)).getMessage());
        assertEquals("lineSearchSteps must be >= 1, got 0", assertThrows(IllegalArgumentException.class,
                () -> new TrpoConfig(0.01, 10, 1e-5, 0, 0.8)).getMessage());
    }
}
