package io.github.metarl4j.offline.ope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metarl4j.data.TransitionDataset;
import io.github.metarl4j.offline.tabular.EmpiricalMdp;
import io.github.metarl4j.offline.tabular.StateIndex;
import io.github.metarl4j.offline.tabular.TabularFqe;
import io.github.metarl4j.space.Box;
import io.github.metarl4j.space.Discrete;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * A two-state MDP of known value. From s0: a0 pays 1 and ends; a1 pays 0.5, then moves to s1 with
 * probability 1/2, else ends. From s1: a0 pays 2, a1 pays -1, and both end. Behaviour uniform; the
 * target takes a1 with probability 0.8 in both states. With gamma 0.9:
 * V(s1) = 0.2 * 2 + 0.8 * (-1) = -0.4, V(s0) = 0.2 * 1 + 0.8 * (0.5 + 0.9 * 0.5 * (-0.4)) = 0.456.
 */
class OffPolicyEvaluationTest {

    private static final double GAMMA = 0.9;
    private static final double TRUTH = 0.456;
    private static final TargetPolicy TARGET = (obs, action) -> action[0] == 1 ? 0.8 : 0.2;
    private static final double[] PI = {0.2, 0.8, 0.2, 0.8};

    /** {@code episodes} episodes of the uniform behaviour. */
    private static TransitionDataset collect(int episodes, SplittableRandom rng) {
        List<double[]> rows = new ArrayList<>(); // s, a, r, s', terminal
        for (int e = 0; e < episodes; e++) {
            int a = rng.nextInt(2);
            if (a == 0) {
                rows.add(new double[] {0, 0, 1, 0, 1});
            } else if (rng.nextBoolean()) {
                rows.add(new double[] {0, 1, 0.5, 1, 0});
                int b = rng.nextInt(2);
                rows.add(new double[] {1, b, b == 0 ? 2 : -1, 1, 1});
            } else {
                rows.add(new double[] {0, 1, 0.5, 0, 1});
            }
        }
        return dataset(rows);
    }

    private static TransitionDataset dataset(List<double[]> rows) {
        int n = rows.size();
        double[] obs = new double[2 * n];
        double[] next = new double[2 * n];
        double[] act = new double[n];
        double[] rew = new double[n];
        boolean[] term = new boolean[n];
        double[] logMu = new double[n];
        for (int i = 0; i < n; i++) {
            double[] r = rows.get(i);
            obs[2 * i + (int) r[0]] = 1;
            next[2 * i + (int) r[3]] = 1;
            act[i] = r[1];
            rew[i] = r[2];
            term[i] = r[4] == 1;
            logMu[i] = Math.log(0.5);
        }
        return TransitionDataset.of(Box.of(0, 1, 2), new Discrete(2), new TransitionDataset.Columns(obs, act, rew, next,
                term, new boolean[n], Optional.empty(), Optional.of(logMu)));
    }

    /** A deliberately wrong model: Q = 0.5 everywhere. */
    private static final OffPolicyEvaluation.Model FLAT = new OffPolicyEvaluation.Model() {
        @Override
        public double q(double[] observation, double[] action) {
            return 0.5;
        }

        @Override
        public double v(double[] observation) {
            return 0.5;
        }
    };

    @Test
    void estimators_matchHandComputedValues_onTwoEpisodes() {
        // episode 1: s0 a1 r0.5 -> s1 a0 r2 (rho 1.6, 0.4; G = 0.5 + 0.9 * 2 = 2.3); episode 2: s0 a0 r1 (rho 0.4)
        TransitionDataset d = dataset(List.of(new double[] {0, 1, 0.5, 1, 0}, new double[] {1, 0, 2, 1, 1},
                new double[] {0, 0, 1, 0, 1}));
        assertEquals((0.64 * 2.3 + 0.4) / 2, OffPolicyEvaluation.importanceSampling(d, TARGET, GAMMA), 1e-12);
        assertEquals((1.6 * 0.5 + 0.9 * 0.64 * 2 + 0.4) / 2, OffPolicyEvaluation.perDecision(d, TARGET, GAMMA), 1e-12);
        assertEquals((0.64 * 2.3 + 0.4) / (0.64 + 0.4), OffPolicyEvaluation.weighted(d, TARGET, GAMMA), 1e-12);
        double ep1 = 0.5 + 1.6 * (0.5 + 0.9 * (0.5 + 0.4 * (2 - 0.5)) - 0.5);
        double ep2 = 0.5 + 0.4 * (1 - 0.5);
        assertEquals((ep1 + ep2) / 2, OffPolicyEvaluation.doublyRobust(d, TARGET, GAMMA, FLAT), 1e-12);
    }

    /** Mean and standard error of {@code estimator} over 4000 datasets of 20 episodes. */
    private static double[] replicate(ToDoubleFunction<TransitionDataset> estimator) {
        SplittableRandom rng = new SplittableRandom(7);
        int reps = 4000;
        double sum = 0;
        double sq = 0;
        for (int r = 0; r < reps; r++) {
            double x = estimator.applyAsDouble(collect(20, rng));
            sum += x;
            sq += x * x;
        }
        double mean = sum / reps;
        return new double[] {mean, Math.sqrt((sq / reps - mean * mean) / reps)};
    }

    @Test
    void importanceSampling_perDecision_andDoublyRobust_areUnbiased() {
        TransitionDataset other = collect(200, new SplittableRandom(99));
        EmpiricalMdp model = EmpiricalMdp.of(other, StateIndex.oneHot(2), 2, 2);
        double[] q = TabularFqe.evaluate(model, PI, GAMMA, 0);
        double[] v = TabularFqe.values(q, PI, 2, 2);
        OffPolicyEvaluation.Model fitted = new OffPolicyEvaluation.Model() {
            @Override
            public double q(double[] observation, double[] action) {
                return q[StateIndex.oneHot(2).of(observation) * 2 + (int) action[0]];
            }

            @Override
            public double v(double[] observation) {
                return v[StateIndex.oneHot(2).of(observation)];
            }
        };
        List<ToDoubleFunction<TransitionDataset>> unbiased = List.of(
                d -> OffPolicyEvaluation.importanceSampling(d, TARGET, GAMMA),
                d -> OffPolicyEvaluation.perDecision(d, TARGET, GAMMA),
                d -> OffPolicyEvaluation.doublyRobust(d, TARGET, GAMMA, FLAT),
                d -> OffPolicyEvaluation.doublyRobust(d, TARGET, GAMMA, fitted));
        String[] names = {"importance sampling", "per-decision", "doubly robust (flat model)",
            "doubly robust (FQE on other data)"};
        for (int i = 0; i < unbiased.size(); i++) {
            double[] m = replicate(unbiased.get(i));
            assertTrue(Math.abs(m[0] - TRUTH) < 4 * m[1], names[i] + ": mean " + m[0] + " +- " + m[1]
                    + " against " + TRUTH);
        }
    }

    @Test
    void weightedImportanceSampling_andFqe_convergeToTheTruth() {
        TransitionDataset big = collect(40_000, new SplittableRandom(3));
        assertEquals(TRUTH, OffPolicyEvaluation.weighted(big, TARGET, GAMMA), 0.01);
        EmpiricalMdp model = EmpiricalMdp.of(big, StateIndex.oneHot(2), 2, 2);
        double[] q = TabularFqe.evaluate(model, PI, GAMMA, 0);
        assertEquals(TRUTH, TabularFqe.values(q, PI, 2, 2)[0], 0.01);
        // on the exact model, FQE is the truth: Q(s1, .) = (2, -1), Q(s0, .) = (1, 0.5 + 0.9 * 0.5 * V(s1))
        EmpiricalMdp exact = new EmpiricalMdp(2, 2, new int[] {1, 1, 1, 1}, new double[] {1, 0.5, 2, -1},
                new double[] {1, 0.5, 1, 1}, new double[] {0, 0, 0, 0.5, 0, 0, 0, 0}, -1);
        assertEquals(TRUTH, TabularFqe.values(TabularFqe.evaluate(exact, PI, GAMMA, 0), PI, 2, 2)[0], 1e-12);
    }

    @Test
    void aDatasetWithoutBehaviourProbabilities_isRefused() {
        TransitionDataset d = collect(3, new SplittableRandom(1));
        TransitionDataset bare = TransitionDataset.of(Box.of(0, 1, 2), new Discrete(2), new TransitionDataset.Columns(
                d.observations(), d.actions(), d.rewards(), d.nextObservations(), d.terminated(), d.truncated(),
                Optional.empty(), Optional.empty()));
        assertEquals("off-policy evaluation by importance sampling needs the behaviour's log-probabilities "
                + "(behaviour_log_prob / infos/action_log_probs), which this dataset lacks",
                assertThrows(IllegalArgumentException.class,
                        () -> OffPolicyEvaluation.perDecision(bare, TARGET, GAMMA)).getMessage());
    }
}
