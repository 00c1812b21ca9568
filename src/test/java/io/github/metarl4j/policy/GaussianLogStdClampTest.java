package io.github.metarl4j.policy;

import static io.github.metarl4j.testing.FiniteDifferences.randomMatrix;
import static io.github.metarl4j.testing.FiniteDifferences.randomVector;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metarl4j.data.HostArrays;
import io.github.metarl4j.nn.Activation;
import io.github.metarl4j.testing.FiniteDifferences;
import io.github.metarl4j.testing.Products;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The log-std clamp at log 1e-6: values below it act as the clamp, and their derivatives vanish. */
class GaussianLogStdClampTest {

    private static final int OBS = 3;
    private static final int ROWS = 9;
    private static final GaussianMlpPolicy POLICY = new GaussianMlpPolicy(OBS, new int[] {5}, 2, Activation.TANH, 0.0,
            DataType.DOUBLE);
    private static final int RHO0 = POLICY.numParams() - 2;
    private static final int RHO1 = POLICY.numParams() - 1;

    /** Parameters with log-stds (-20, -0.4): the first below the clamp. */
    private static INDArray theta(double rho0) {
        INDArray theta = POLICY.initialParameters(new SplittableRandom(4)).addi(randomVector(POLICY.numParams(), 5).muli(0.3));
        theta.putScalar(RHO0, rho0);
        theta.putScalar(RHO1, -0.4);
        return theta;
    }

    private static INDArray unit(int i) {
        INDArray e = Nd4j.zeros(DataType.DOUBLE, POLICY.numParams());
        e.putScalar(i, 1.0);
        return e;
    }

    @Test
    void logStdBelowTheClamp_actsAsTheClamp() {
        INDArray below = theta(-20);
        INDArray atClamp = theta(GaussianMlpPolicy.MIN_LOG_STD);
        INDArray obs = randomMatrix(ROWS, OBS, 6);
        INDArray act = POLICY.sample(atClamp, obs, new SplittableRandom(7));
        assertArrayEquals(HostArrays.read(POLICY.logProb(atClamp, obs, act)), HostArrays.read(POLICY.logProb(below, obs, act)));
        assertArrayEquals(HostArrays.read(POLICY.entropy(atClamp, obs)), HostArrays.read(POLICY.entropy(below, obs)));
        assertEquals(0, POLICY.kl(atClamp, below, obs).amaxNumber().doubleValue(), 1e-12);
        // the first action coordinate is drawn with sigma = 1e-6 around the mean
        INDArray big = randomMatrix(4000, OBS, 8);
        double[] mean = HostArrays.read(POLICY.sample(below, big, new SplittableRandom(9)));
        double[] again = HostArrays.read(POLICY.sample(below, big, new SplittableRandom(10)));
        double sq = 0;
        for (int i = 0; i < mean.length; i += 2) {
            double d = mean[i] - again[i];
            sq += d * d;
        }
        double sigma = Math.sqrt(sq / (mean.length / 2) / 2);
        assertEquals(1e-6, sigma, 1e-7, "sampling standard deviation of a clamped coordinate");
    }

    @Test
    void derivativesInAClampedLogStd_areZero_andTheOpenOneMatchesFiniteDifferences() {
        INDArray theta = theta(-20);
        INDArray obs = randomMatrix(ROWS, OBS, 11);
        INDArray act = POLICY.sample(theta, obs, new SplittableRandom(12));
        INDArray w = randomVector(ROWS, 13);
        INDArray g = Products.gradient(POLICY, theta, obs, act, w);
        assertEquals(0.0, g.getDouble(RHO0), 0.0, "gradient in the clamped log-std");
        java.util.function.ToDoubleFunction<INDArray> loss = th -> POLICY.logProb(th, obs, act).mul(w).sumNumber()
                .doubleValue();
        for (int i : new int[] {RHO0, RHO1}) {
            double fd = FiniteDifferences.directional(th -> Nd4j.scalar(loss.applyAsDouble(th)), theta, unit(i)).getDouble(0);
            assertEquals(fd, g.getDouble(i), 1e-7 * Math.max(1, Math.abs(fd)), "d/drho_" + (i - RHO0));
        }
        INDArray v = randomVector(POLICY.numParams(), 14);
        assertEquals(0.0, Products.hvp(POLICY, theta, obs, act, w, v).getDouble(RHO0), 0.0, "HVP row of the clamped log-std");
        assertEquals(0.0, Products.hvp(POLICY, theta, obs, act, w, unit(RHO0)).norm2Number().doubleValue(),
                "HVP along the clamped log-std");
        assertEquals(0.0, Products.fisher(POLICY, theta, obs, w, v).getDouble(RHO0), 0.0, "Fisher row of the clamped log-std");
        assertEquals(0.0, Products.fisher(POLICY, theta, obs, w, unit(RHO0)).norm2Number().doubleValue(),
                "Fisher along the clamped log-std");
        assertTrue(Products.fisher(POLICY, theta, obs, w, unit(RHO1)).getDouble(RHO1) != 0, "the open log-std has curvature");
    }
}
