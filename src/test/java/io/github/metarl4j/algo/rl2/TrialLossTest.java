package io.github.metarl4j.algo.rl2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metarl4j.data.HostArrays;
import io.github.metarl4j.data.TrialBatch;
import io.github.metarl4j.nn.RecurrentNet;
import io.github.metarl4j.nn.RecurrentPass;
import io.github.metarl4j.testing.FiniteDifferences;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class TrialLossTest {

    private static final int N = 12;
    private static final int A = 3;

    private static double[] random(int n, long seed, double scale) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = scale * rng.nextGaussian();
        }
        return v;
    }

    private static final double[] OLD_LOGITS = random(N * A, 1, 1);
    private static final int[] ACTIONS = new SplittableRandom(2).ints(N, 0, A).toArray();
    private static final double[] ADV = random(N, 3, 1);
    private static final double[] RET = random(N, 4, 1);
    private static final boolean[] MASK = {true, true, true, true, true, true, true, true, true, true, false, false};

    /** The targets of the fixed steps, with the given sampling logits, values and mask. */
    private static TrialTargets targets(int[] actions, double[] oldLogits, double[] adv, double[] ret,
                                        boolean[] mask) {
        return new TrialTargets(actions, Rl2.logProbs(oldLogits, actions, oldLogits.length / actions.length),
                oldLogits, adv, ret, random(actions.length, 21, 1), mask);
    }

    private static int real(boolean[] mask) {
        int n = 0;
        for (boolean m : mask) {
            n += m ? 1 : 0;
        }
        return n;
    }

    private static TrialLoss at(double[] logits, double[] values) {
        return TrialLoss.of(logits, values, null, targets(ACTIONS, OLD_LOGITS, ADV, RET, MASK),
                new TrialLoss.Weights(0.2, 0.5, 0.05, 0), real(MASK));
    }

    /** The sampling logits moved by Gaussian noise of scale {@code scale}. */
    private static double[] moved(long seed, double scale) {
        double[] logits = OLD_LOGITS.clone();
        double[] shift = random(N * A, seed, scale);
        for (int i = 0; i < logits.length; i++) {
            logits[i] += shift[i];
        }
        return logits;
    }

    @Test
    void gradient_matchesCentralFiniteDifferences_withSomeRatiosClipped() {
        // logits moved by up to ~0.6 from the sampling ones: some ratios leave [0.8, 1.2], some do not
        double[] logits = moved(5, 0.3);
        double[] values = random(N, 6, 1);
        TrialLoss l = at(logits, values);
        assertCentralDifferences(x -> at(x, values).value(), logits, l.dLogits(), "dL/dlogit");
        assertCentralDifferences(x -> at(logits, x).value(), values, l.dValues(), "dL/dV");
    }

    /** Each entry of {@code derivative} against the central difference of {@code f} at {@code x}. */
    private static void assertCentralDifferences(java.util.function.ToDoubleFunction<double[]> f, double[] x,
                                                 double[] derivative, String what) {
        double h = 1e-6;
        for (int i = 0; i < x.length; i++) {
            double[] plus = x.clone();
            double[] minus = x.clone();
            plus[i] += h;
            minus[i] -= h;
            assertEquals((f.applyAsDouble(plus) - f.applyAsDouble(minus)) / (2 * h), derivative[i], 1e-7, what + " " + i);
        }
    }

    @Test
    void rewardPrediction_gradientMatchesCentralFiniteDifferences_andItsErrorIsTheMeanSquareByHand() {
        double[] logits = moved(22, 0.3);
        double[] values = random(N, 23, 1);
        double[] q = random(N * A, 24, 1);
        TrialTargets tg = targets(ACTIONS, OLD_LOGITS, ADV, RET, MASK);
        TrialLoss.Weights w = new TrialLoss.Weights(0.2, 0.5, 0.05, 0.3);
        TrialLoss l = TrialLoss.of(logits, values, q, tg, w, 10);
        double sq = 0;
        for (int i = 0; i < 10; i++) {
            double e = q[i * A + ACTIONS[i]] - tg.rewards()[i];
            sq += e * e;
        }
        assertEquals(sq / 10, l.rewardError(), 1e-14, "mean over the 10 real steps, the taken actions only");
        TrialLoss without = TrialLoss.of(logits, values, null, tg, new TrialLoss.Weights(0.2, 0.5, 0.05, 0), 10);
        assertEquals(without.value() + 0.3 * sq / 10, l.value(), 1e-13, "c_r times the error, added to the loss");
        assertArrayEquals(without.dLogits(), l.dLogits(), 0.0, "the policy's gradient is untouched");
        assertCentralDifferences(x -> TrialLoss.of(logits, values, x, tg, w, 10).value(), q, l.dAuxiliary(), "dL/dq");
        for (int i = 10; i < N; i++) {
            for (int j = 0; j < A; j++) {
                assertEquals(0.0, l.dAuxiliary()[i * A + j], "padded step " + i);
            }
        }
    }

    @Test
    void rewardPrediction_withoutAnAuxiliaryHead_orOfTheWrongWidth_isRefused() {
        TrialTargets tg = targets(ACTIONS, OLD_LOGITS, ADV, RET, MASK);
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> TrialLoss.of(OLD_LOGITS, RET, null, tg, new TrialLoss.Weights(0.2, 0.5, 0, 0.1), 10));
        assertEquals("rewardCoef 0.1 weighs a reward prediction, but the network has no auxiliary head", e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> TrialLoss.of(OLD_LOGITS, RET, new double[N], tg, new TrialLoss.Weights(0.2, 0.5, 0, 0.1), 10));
        assertEquals("the auxiliary head must predict one reward per action: 36 entries, got 12", e.getMessage());
    }

    @Test
    void atTheSamplingPolicy_klIsZero_andTheSurrogateIsMinusTheMeanAdvantage() {
        double[] values = RET.clone();
        TrialLoss l = TrialLoss.of(OLD_LOGITS, values, null, targets(ACTIONS, OLD_LOGITS, ADV, RET, MASK),
                new TrialLoss.Weights(0.2, 0.5, 0.0, 0), real(MASK));
        double meanAdv = 0;
        for (int i = 0; i < 10; i++) {
            meanAdv += ADV[i] / 10;
        }
        assertEquals(-meanAdv, l.value(), 1e-12);
        assertEquals(0, l.meanKl(), 1e-12);
    }

    @ParameterizedTest(name = "auxiliary head of width {0}, rewardCoef {1}")
    @CsvSource({"0, 0", "3, 0.7"})
    void endToEnd_lossGradientThroughBptt_matchesFiniteDifferences(int auxiliary, double rewardCoef) {
        RecurrentNet net = new RecurrentNet(4, 5, A, auxiliary, DataType.DOUBLE);
        INDArray theta0 = FiniteDifferences.randomVector(net.numParams(), 7).muli(0.4);
        int t = 4;
        int b = 3;
        INDArray x = FiniteDifferences.randomVector((long) t * b * 4, 8).reshape('c', t, b, 4);
        double[] oldLogits = HostArrays.read(net.forward(theta0, x).outputs());
        int[] actions = new SplittableRandom(9).ints(t * b, 0, A).toArray();
        boolean[] mask = new boolean[t * b];
        java.util.Arrays.fill(mask, true);
        TrialTargets tg = targets(actions, oldLogits, random(t * b, 10, 1), random(t * b, 11, 1), mask);
        TrialLoss.Weights w = new TrialLoss.Weights(0.2, 0.5, 0.01, rewardCoef);
        INDArray theta = theta0.add(FiniteDifferences.randomVector(net.numParams(), 12).muli(0.05));
        RecurrentPass p = net.forward(theta, x);
        TrialLoss l = lossOf(p, tg, w, t * b);
        INDArray grad = p.backward(HostArrays.create(l.dLogits(), DataType.DOUBLE, t, b, A),
                HostArrays.create(l.dValues(), DataType.DOUBLE, t, b),
                auxiliary == 0 ? null : HostArrays.create(l.dAuxiliary(), DataType.DOUBLE, t, b, A));
        FiniteDifferences.assertClose(FiniteDifferences.gradient(th -> lossOf(net.forward(th, x), tg, w, t * b).value(),
                theta), grad, 1e-6, "PPO loss gradient through the GRU");
    }

    private static TrialLoss lossOf(RecurrentPass p, TrialTargets tg, TrialLoss.Weights w, int real) {
        return TrialLoss.of(HostArrays.read(p.outputs()), HostArrays.read(p.values()),
                p.auxiliary() == null ? null : HostArrays.read(p.auxiliary()), tg, w, real);
    }

    @Test
    void unclippedLoss_gradientMatchesCentralFiniteDifferences_farFromTheSamplingPolicy() {
        // TRPO's surrogate: an infinite clip range leaves every ratio's derivative in
        double[] logits = moved(15, 0.8);
        TrialLoss.Weights w = new TrialLoss.Weights(Double.POSITIVE_INFINITY, 0.5, 0.05, 0);
        TrialTargets tg = targets(ACTIONS, OLD_LOGITS, ADV, RET, MASK);
        double[] values = random(N, 16, 1);
        TrialLoss l = TrialLoss.of(logits, values, null, tg, w, 10);
        assertEquals(0, l.clipFraction());
        assertCentralDifferences(x -> TrialLoss.of(x, values, null, tg, w, 10).value(), logits, l.dLogits(), "dL/dlogit");
    }

    @Test
    void meanKl_isTheMeanKlFromTheSamplingPolicy_naively() {
        double[] logits = random(N * A, 17, 1);
        double[] values = random(N, 18, 1);
        TrialLoss l = TrialLoss.of(logits, values, null, targets(ACTIONS, OLD_LOGITS, ADV, RET, MASK),
                new TrialLoss.Weights(0.2, 0.5, 0.0, 0), 10);
        double kl = 0;
        for (int i = 0; i < 10; i++) {
            double zOld = 0;
            double zNew = 0;
            for (int j = 0; j < A; j++) {
                zOld += Math.exp(OLD_LOGITS[i * A + j]);
                zNew += Math.exp(logits[i * A + j]);
            }
            for (int j = 0; j < A; j++) {
                double p = Math.exp(OLD_LOGITS[i * A + j]) / zOld;
                double q = Math.exp(logits[i * A + j]) / zNew;
                kl += p * Math.log(p / q);
            }
        }
        assertEquals(kl / 10, l.meanKl(), 1e-13);
    }

    @Test
    void blocksOfOneSet_addUpToTheSetsLoss() {
        // steps 0-5 and 6-11 as two blocks, each averaged over the set's 10 real steps
        double[] logits = random(N * A, 19, 1);
        double[] values = random(N, 20, 1);
        TrialLoss.Weights w = new TrialLoss.Weights(0.2, 0.5, 0.05, 0);
        TrialLoss whole = TrialLoss.of(logits, values, null, targets(ACTIONS, OLD_LOGITS, ADV, RET, MASK), w, 10);
        TrialLoss.Scalars sum = TrialLoss.Scalars.ZERO;
        for (int from : new int[] {0, 6}) {
            int to = from + 6;
            double[] oldLogits = java.util.Arrays.copyOfRange(OLD_LOGITS, from * A, to * A);
            sum = sum.plus(TrialLoss.of(java.util.Arrays.copyOfRange(logits, from * A, to * A),
                    java.util.Arrays.copyOfRange(values, from, to), null,
                    targets(java.util.Arrays.copyOfRange(ACTIONS, from, to), oldLogits,
                            java.util.Arrays.copyOfRange(ADV, from, to),
                            java.util.Arrays.copyOfRange(RET, from, to), java.util.Arrays.copyOfRange(MASK, from, to)),
                    w, 10).scalars());
        }
        assertEquals(whole.value(), sum.value(), 1e-14);
        assertEquals(whole.meanKl(), sum.meanKl(), 1e-14);
        assertEquals(whole.meanEntropy(), sum.meanEntropy(), 1e-14);
        assertEquals(whole.clipFraction(), sum.clipFraction(), 1e-14);
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> TrialLoss.of(logits, values, null, targets(ACTIONS, OLD_LOGITS, ADV, RET, MASK), w, 9));
        assertEquals("the loss averages over 9 real steps; this block alone has 10 (and the count must be >= 1)",
                e.getMessage());
    }

    @Test
    void gaeOverATrial_crossesEpisodeBoundaries_byHand() {
        // one trial of 3 steps (episode ends after step 0 and step 2), gamma 0.5, lambda 0.5
        TrialBatch batch = TrialBatch.of(3, 1, 1, new double[3], new int[3], new double[] {1, 2, 4},
                new boolean[] {true, true, true}, new boolean[] {true, false, true});
        double[] v = {1, 1, 2};
        TrialAdvantages a = TrialAdvantages.of(batch, v, 0.5, 0.5);
        // delta_2 = 4 - 2 = 2; delta_1 = 2 + 0.5 * 2 - 1 = 2; delta_0 = 1 + 0.5 * 1 - 1 = 0.5
        // A_2 = 2; A_1 = 2 + 0.25 * 2 = 2.5; A_0 = 0.5 + 0.25 * 2.5 = 1.125
        assertArrayEquals(new double[] {1.125, 2.5, 2}, a.advantages(), 1e-15);
        assertArrayEquals(new double[] {2.125, 3.5, 4}, a.returns(), 1e-15);
    }

    @Test
    void clipFraction_countsRealStepsWhoseRatioLeftTheClipRange_byHand() {
        // two actions, uniform new logits (log pi = log 0.5); old log-probabilities give ratios 1, 2 and 0.5
        double[] logits = {0, 0, 0, 0, 0, 0, 0, 0};
        double[] old = {Math.log(0.5), Math.log(0.25), Math.log(1.0), Math.log(0.5)};
        int[] actions = {0, 1, 0, 1};
        boolean[] mask = {true, true, true, false};
        TrialLoss l = TrialLoss.of(logits, new double[4], null, new TrialTargets(actions, old, logits, new double[4],
                new double[4], new double[4], mask), new TrialLoss.Weights(0.2, 0.5, 0.0, 0), 3);
        assertEquals(2.0 / 3, l.clipFraction(), 1e-15, "ratios 2 and 0.5 are outside [0.8, 1.2]; the padded step is not counted");
    }

    @Test
    void explainedVariance_isOneForAPerfectValueHead_zeroForTheMean_byHand() {
        double[] returns = {1, 2, 3, 100};
        boolean[] mask = {true, true, true, false};
        assertEquals(1.0, Rl2.explainedVariance(returns, new double[] {1, 2, 3, 0}, mask), 1e-15);
        assertEquals(0.0, Rl2.explainedVariance(returns, new double[] {2, 2, 2, 0}, mask), 1e-15);
        // V = R - (1, 0, -1): Var(R - V) = 2/3 = Var(R), so nothing is explained
        assertEquals(0.0, Rl2.explainedVariance(returns, new double[] {0, 2, 4, 0}, mask), 1e-15);
        // V = R + 0.5 everywhere: a constant offset leaves the variance explained
        assertEquals(1.0, Rl2.explainedVariance(returns, new double[] {1.5, 2.5, 3.5, 0}, mask), 1e-15);
        assertTrue(Double.isNaN(Rl2.explainedVariance(new double[] {2, 2, 2, 2}, new double[4], mask)),
                "constant returns have no variance to explain");
    }
}
