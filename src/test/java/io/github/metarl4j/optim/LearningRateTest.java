package io.github.metarl4j.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.metarl4j.data.HostArrays;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class LearningRateTest {

    @Test
    void linearAnneal_matchesHandComputedRates() {
        LearningRate r = new LearningRate(0.01, 0, 4);
        assertEquals(0.01, r.at(0));
        assertEquals(0.0075, r.at(1), 1e-18);
        assertEquals(0.005, r.at(2), 1e-18);
        assertEquals(0.0025, r.at(3), 1e-18);
        assertEquals(0, r.at(4));
        assertEquals(0, r.at(1000));
        LearningRate up = new LearningRate(0.001, 0.003, 2);
        assertEquals(0.002, up.at(1), 1e-18);
        assertEquals(0.003, up.at(7));
        assertEquals(0.02, LearningRate.constant(0.02).at(123_456_789L));
    }

    @Test
    void ppoDecay_isCountedInTheLearnersAdamStepsPerBatch() {
        assertEquals(new LearningRate(0.005, 0, 60), new PpoConfig(0.2, 5, 0.005, 3).learningRate(20));
        assertEquals(LearningRate.constant(0.005), PpoConfig.constant(0.2, 5, 0.005).learningRate(20));
        assertEquals("decayBatches must be >= 0 (0: a constant learning rate), got -1",
                assertThrows(IllegalArgumentException.class, () -> new PpoConfig(0.2, 5, 0.005, -1)).getMessage());
        assertEquals("Adam steps per meta-batch must be >= 1, got 0", assertThrows(IllegalArgumentException.class,
                () -> PpoConfig.constant(0.2, 5, 0.005).learningRate(0)).getMessage());
    }

    @Test
    void badRates_areRejected() {
        assertEquals("learning rate must be finite and > 0, got 0.0", assertThrows(IllegalArgumentException.class,
                () -> new LearningRate(0, 0, 3)).getMessage());
        assertEquals("final learning rate must be finite and >= 0, got NaN", assertThrows(
                IllegalArgumentException.class, () -> new LearningRate(0.1, Double.NaN, 3)).getMessage());
        assertEquals("steps of the learning rate's decay must be >= 0, got -2", assertThrows(
                IllegalArgumentException.class, () -> new LearningRate(0.1, 0, -2)).getMessage());
        assertEquals("a final learning rate (0.0) other than the initial (0.1) needs a number of steps to reach it,"
                + " got 0", assertThrows(IllegalArgumentException.class, () -> new LearningRate(0.1, 0, 0)).getMessage());
        assertEquals("step must be >= 0, got -1", assertThrows(IllegalArgumentException.class,
                () -> LearningRate.constant(0.1).at(-1)).getMessage());
    }

    /** Adam's steps under an annealed rate equal a naive Adam in double precision with that step's rate. */
    @Test
    void adamSteps_takeTheRateOfTheirIndex_andARestoredOptimiserContinuesTheAnneal() {
        LearningRate rate = new LearningRate(0.01, 0, 3);
        double[][] grads = {{0.5, -2, 1e-3}, {-0.3, 1, 0.2}, {0.7, 0.1, -0.4}, {1, 1, 1}};
        double[] theta = {1, 2, 3};
        double[] m = new double[3];
        double[] v = new double[3];
        AdamOptimizer adam = new AdamOptimizer(rate, 3, DataType.DOUBLE);
        INDArray current = vector(theta);
        for (int t = 0; t < grads.length; t++) {
            double alpha = rate.at(t) * Math.sqrt(1 - Math.pow(0.999, t + 1)) / (1 - Math.pow(0.9, t + 1));
            for (int i = 0; i < 3; i++) {
                m[i] = 0.9 * m[i] + 0.1 * grads[t][i];
                v[i] = 0.999 * v[i] + 0.001 * grads[t][i] * grads[t][i];
                theta[i] -= alpha * m[i] / (Math.sqrt(v[i]) + 1e-8);
            }
            current = adam.step(current, vector(grads[t]));
            assertArrayEquals(theta, HostArrays.read(current), 1e-12, "step " + t);
        }
        assertArrayEquals(theta, HostArrays.read(adam.step(current, vector(grads[0]))), 0.0,
                "the rate is 0 from step 3 on: the parameters stay");

        AdamOptimizer first = new AdamOptimizer(rate, 3, DataType.DOUBLE);
        INDArray a = first.step(vector(new double[] {1, 2, 3}), vector(grads[0]));
        AdamOptimizer restored = new AdamOptimizer(rate, 3, DataType.DOUBLE);
        restored.restore(first.moments(), first.iteration());
        assertArrayEquals(HostArrays.read(first.step(a, vector(grads[1]))),
                HostArrays.read(restored.step(a, vector(grads[1]))), 0.0, "step 1 at rate 0.00667 after a restore");
    }

    private static INDArray vector(double[] values) {
        return Nd4j.create(values, new long[] {values.length}, DataType.DOUBLE);
    }
}
