package io.github.metarl4j.advantage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.metarl4j.data.EpisodeBatch;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class AdvantagesTest {

    /** T = 3, B = 2: episode 0 rewards [1, 2, 3], episode 1 reward [5] then padding. */
    private static EpisodeBatch small() {
        return EpisodeBatch.fromArrays(new double[6], new double[6], new double[] {1, 5, 2, 0, 3, 0}, 3, 2, 1, 1,
                new int[] {3, 1}, new boolean[] {true, false}, new int[] {0, 1}, DataType.DOUBLE);
    }

    private static EpisodeBatch random(long seed, int t, int b, int[] lengths, int[] tasks) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] r = new double[t * b];
        for (int i = 0; i < r.length; i++) {
            r[i] = i / b < lengths[i % b] ? rng.nextGaussian() : 0;
        }
        return EpisodeBatch.fromArrays(new double[t * b], new double[t * b], r, t, b, 1, 1, lengths, new boolean[b],
                tasks, DataType.DOUBLE);
    }

    @Test
    void discountedReturns_matchHandComputedValues() {
        INDArray r = Advantages.discountedReturns(small(), 0.5);
        // episode 0: 3; 2 + 0.5 * 3 = 3.5; 1 + 0.5 * 3.5 = 2.75. episode 1: 5, then zeros.
        assertArrayEquals(new double[] {2.75, 5, 3.5, 0, 3, 0}, r.dup().data().asDouble(), 1e-15);
    }

    @Test
    void gae_matchesTheDirectSumOfDiscountedResiduals() {
        int[] lengths = {7, 4, 1, 6};
        EpisodeBatch b = random(1, 7, 4, lengths, new int[] {0, 0, 1, 1});
        double[] v = new double[28];
        SplittableRandom rng = new SplittableRandom(2);
        for (int i = 0; i < 28; i++) {
            v[i] = i / 4 < lengths[i % 4] ? rng.nextGaussian() : 0;
        }
        double gamma = 0.9;
        double lambda = 0.7;
        INDArray adv = Advantages.gae(b, Nd4j.create(v, new long[] {7, 4}, DataType.DOUBLE), gamma, lambda);
        double[] r = b.rewards().dup().data().asDouble();
        for (int j = 0; j < 4; j++) {
            for (int t = 0; t < 7; t++) {
                double expected = 0;
                if (t < lengths[j]) {
                    for (int k = t; k < lengths[j]; k++) {
                        double next = k + 1 < lengths[j] ? v[(k + 1) * 4 + j] : 0;
                        double delta = r[k * 4 + j] + gamma * next - v[k * 4 + j];
                        expected += Math.pow(gamma * lambda, k - t) * delta;
                    }
                }
                assertEquals(expected, adv.getDouble(t, j), 1e-12, "t " + t + " episode " + j);
            }
        }
    }

    @Test
    void gaeWithLambdaOneAndZeroValues_isTheDiscountedReturn() {
        EpisodeBatch b = random(3, 5, 3, new int[] {5, 2, 4}, new int[] {0, 1, 2});
        INDArray adv = Advantages.gae(b, Nd4j.zeros(DataType.DOUBLE, 5, 3), 0.95, 1.0);
        assertEquals(Advantages.discountedReturns(b, 0.95), adv);
    }

    @Test
    void normalizePerTask_givesZeroEpisodeMeanAndUnitStdPerTask() {
        // the weighting of MAML's losses: the mean over each episode's own steps, then over episodes
        int[] lengths = {5, 2, 4, 3};
        int[] tasks = {0, 0, 1, 1};
        EpisodeBatch b = random(4, 5, 4, lengths, tasks);
        INDArray raw = b.rewards().mul(3).addi(7).muli(b.mask());
        INDArray n = Advantages.normalizePerTask(b, raw);
        for (int task = 0; task < 2; task++) {
            double mean = 0;
            double sq = 0;
            int episodes = 0;
            for (int j = 0; j < 4; j++) {
                if (tasks[j] != task) {
                    continue;
                }
                episodes++;
                for (int t = 0; t < 5; t++) {
                    if (t < lengths[j]) {
                        mean += n.getDouble(t, j) / lengths[j];
                        sq += n.getDouble(t, j) * n.getDouble(t, j) / lengths[j];
                    } else {
                        assertEquals(0, n.getDouble(t, j));
                    }
                }
            }
            assertEquals(0, mean / episodes, 1e-12, "task " + task + " episode-mean");
            assertEquals(1, sq / episodes, 1e-6, "task " + task + " episode-mean of squares");
        }
    }

    @Test
    void normalizePerTask_matchesAHandComputedExampleWithUnequalLengths() {
        // one task, episodes of lengths 1 and 2 (weights 1 and 1/2): values 4 | 1, 3.
        // mean = (4 + 0.5 + 1.5) / 2 = 3; var = (1 + 0.5 * 4 + 0) / 2 = 1.5
        EpisodeBatch b = EpisodeBatch.fromArrays(new double[4], new double[2 * 2], new double[] {4, 1, 0, 3},
                2, 2, 1, 1, new int[] {1, 2}, new boolean[] {true, false}, new int[] {0, 0}, DataType.DOUBLE);
        INDArray n = Advantages.normalizePerTask(b, b.rewards());
        double s = Math.sqrt(1.5) + 1e-8;
        assertEquals(1 / s, n.getDouble(0, 0), 1e-14);
        assertEquals(-2 / s, n.getDouble(0, 1), 1e-14);
        assertEquals(0, n.getDouble(1, 0));
        assertEquals(0, n.getDouble(1, 1), 1e-14);
    }

    @Test
    void standardize_matchesAHandComputedExamplePerGroup() {
        // group 0: {1, 3}, weights {1, 1} (mean 2, std 1); group 1: {2, 4, 9}, weights {0.5, 0.5, 1}
        // (mean 12 / 2 = 6, var (8 + 2 + 9) / 2 = 9.5); entry 2 has weight 0
        double[] x = {1, 2, 100, 3, 4, 9};
        double[] w = {1, 0.5, 0, 1, 0.5, 1};
        int[] group = {0, 1, 0, 0, 1, 1};
        double[] out = Advantages.standardize(x, w, group, 2);
        double s1 = Math.sqrt(9.5) + 1e-8;
        double[] expected = {-1 / (1 + 1e-8), -4 / s1, 0, 1 / (1 + 1e-8), -2 / s1, 3 / s1};
        for (int i = 0; i < x.length; i++) {
            assertEquals(expected[i], out[i], 1e-14, "entry " + i);
        }
        assertEquals("group[1] must be in [0, 1), got 1", assertThrows(IllegalArgumentException.class,
                () -> Advantages.standardize(x, w, group, 1)).getMessage());
        assertEquals("values, weights and group must have one length, got 6, 6, 5",
                assertThrows(IllegalArgumentException.class,
                        () -> Advantages.standardize(x, w, new int[5], 2)).getMessage());
        assertEquals("weights[1] must be finite and >= 0, got -0.5", assertThrows(IllegalArgumentException.class,
                () -> Advantages.standardize(x, new double[] {1, -0.5, 0, 1, 1, 1}, group, 2)).getMessage());
    }

    @Test
    void badDiscounts_areRejected() {
        assertEquals("gamma must be in [0, 1], got 1.5", assertThrows(IllegalArgumentException.class,
                () -> Advantages.discountedReturns(small(), 1.5)).getMessage());
        assertEquals("lambda must be in [0, 1], got -0.1", assertThrows(IllegalArgumentException.class,
                () -> Advantages.gae(small(), Nd4j.zeros(DataType.DOUBLE, 3, 2), 0.9, -0.1)).getMessage());
        assertEquals("values must have shape [3, 2], got [2, 3]", assertThrows(IllegalArgumentException.class,
                () -> Advantages.gae(small(), Nd4j.zeros(DataType.DOUBLE, 2, 3), 0.9, 1)).getMessage());
    }
}
