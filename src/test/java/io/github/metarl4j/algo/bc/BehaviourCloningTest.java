package io.github.metarl4j.algo.bc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metarl4j.algo.AdaptablePolicy;
import io.github.metarl4j.algo.MetaStepReport;
import io.github.metarl4j.algo.Metric;
import io.github.metarl4j.data.HostArrays;
import io.github.metarl4j.data.TransitionDataset;
import io.github.metarl4j.nn.Activation;
import io.github.metarl4j.policy.CategoricalMlpPolicy;
import io.github.metarl4j.space.Box;
import io.github.metarl4j.space.Discrete;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class BehaviourCloningTest {

    private static final CategoricalMlpPolicy POLICY = new CategoricalMlpPolicy(2, new int[] {16}, 3, Activation.TANH,
            DataType.DOUBLE);

    /** The expert: the action of the largest of three linear scores of the observation. */
    private static int expert(double x, double y) {
        double[] score = {x - y, y - 0.5, 0.3 - x};
        int best = 0;
        for (int a = 1; a < 3; a++) {
            best = score[a] > score[best] ? a : best;
        }
        return best;
    }

    /** N one-step episodes with observations uniform in [0, 1]^2 and the expert's (or uniform) actions. */
    private static TransitionDataset dataset(int n, boolean expertActions, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] obs = new double[2 * n];
        double[] act = new double[n];
        boolean[] done = new boolean[n];
        for (int i = 0; i < n; i++) {
            obs[2 * i] = rng.nextDouble();
            obs[2 * i + 1] = rng.nextDouble();
            act[i] = expertActions ? expert(obs[2 * i], obs[2 * i + 1]) : rng.nextInt(3);
            done[i] = true;
        }
        return TransitionDataset.of(Box.of(0, 1, 2), new Discrete(3), new TransitionDataset.Columns(obs, act,
                new double[n], obs.clone(), done, new boolean[n], Optional.empty(), Optional.empty()));
    }

    private static double nll(INDArray theta, TransitionDataset d) {
        return -POLICY.logProb(theta, HostArrays.create(d.observations(), DataType.DOUBLE, d.size(), 2),
                HostArrays.create(d.actions(), DataType.DOUBLE, d.size(), 1)).meanNumber().doubleValue();
    }

    @Test
    void gradient_matchesCentralFiniteDifferences() {
        TransitionDataset d = dataset(40, true, 1);
        INDArray theta = POLICY.initialParameters(new SplittableRandom(2));
        double[] value = new double[1];
        INDArray grad = BehaviourCloning.nllGradient(POLICY, theta,
                HostArrays.create(d.observations(), DataType.DOUBLE, 40, 2),
                HostArrays.create(d.actions(), DataType.DOUBLE, 40, 1), value);
        assertEquals(nll(theta, d), value[0], 1e-12);
        double h = 1e-6;
        for (int i = 0; i < theta.length(); i += 5) {
            INDArray plus = theta.dup();
            plus.putScalar(i, theta.getDouble(i) + h);
            INDArray minus = theta.dup();
            minus.putScalar(i, theta.getDouble(i) - h);
            double fd = (nll(plus, d) - nll(minus, d)) / (2 * h);
            assertEquals(fd, grad.getDouble(i), 1e-7 * Math.max(1, Math.abs(fd)), "parameter " + i);
        }
    }

    private static BehaviourCloning train(TransitionDataset d, long seed, int iterations) {
        BehaviourCloning bc = new BehaviourCloning(new BcConfig(64, 25, 0.01), POLICY,
                POLICY.initialParameters(new SplittableRandom(seed)), d);
        RandomGenerator rng = new SplittableRandom(seed + 100);
        for (int i = 0; i < iterations; i++) {
            MetaStepReport r = bc.metaStep(null, List.of(), rng);
            assertTrue(Double.isNaN(r.value(Metric.RETURN_BEFORE))
                    && r.value(Metric.ENV_STEPS) == 0, "no return observed, no episode sampled");
        }
        return bc;
    }

    @Test
    void cloning_anExpert_reproducesItsActions_onFreshObservations_overThreeSeeds() {
        TransitionDataset held = dataset(2000, true, 99);
        double[] obs = held.observations();
        for (long seed = 1; seed <= 3; seed++) {
            TransitionDataset d = dataset(1000, true, seed);
            BehaviourCloning bc = train(d, seed, 16);
            double before = nll(POLICY.initialParameters(new SplittableRandom(seed)), held);
            double after = nll(bc.parameters(), held);
            INDArray logits = POLICY.logProb(bc.parameters(), HostArrays.create(obs, DataType.DOUBLE, 2000, 2),
                    HostArrays.create(held.actions(), DataType.DOUBLE, 2000, 1));
            int agree = 0;
            for (int i = 0; i < 2000; i++) {
                agree += logits.getDouble(i) > Math.log(0.5) ? 1 : 0;
            }
            assertTrue(before > 0.9 && after < 0.35, "seed " + seed + ": held-out NLL " + before + " -> " + after);
            assertTrue(agree > 1800, "seed " + seed + ": expert's action has probability > 1/2 on " + agree + " of 2000");
        }
    }

    @Test
    void cloning_uniformActions_givesTheUniformPolicy() {
        TransitionDataset d = dataset(4000, false, 7);
        BehaviourCloning bc = train(d, 7, 16);
        assertEquals(Math.log(3), nll(bc.parameters(), dataset(4000, false, 8)), 0.03);
        AdaptablePolicy p = bc.explorationPolicy();
        assertEquals(p, p.adapt(null), "behaviour cloning does not adapt");
    }

    @Test
    void aDatasetOfOtherWidths_isRefused() {
        TransitionDataset d = dataset(5, true, 1);
        CategoricalMlpPolicy wide = new CategoricalMlpPolicy(3, new int[] {4}, 3, Activation.TANH, DataType.DOUBLE);
        assertEquals("dataset of observations [2] and actions [1] does not fit a policy of [3] and [1]",
                assertThrows(IllegalArgumentException.class, () -> new BehaviourCloning(new BcConfig(4, 1, 0.1), wide,
                        wide.initialParameters(new SplittableRandom(1)), d)).getMessage());
    }
}
