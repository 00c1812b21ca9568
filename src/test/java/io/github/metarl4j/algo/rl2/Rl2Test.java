package io.github.metarl4j.algo.rl2;

import io.github.metarl4j.sampler.Sampler;
import io.github.metarl4j.sampler.LockstepSampler;
import io.github.metarl4j.algo.Metric;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metarl4j.algo.MetaStepReport;
import io.github.metarl4j.data.HostArrays;
import io.github.metarl4j.envs.bandit.BanditConfig;
import io.github.metarl4j.envs.bandit.BanditTask;
import io.github.metarl4j.envs.bandit.Bandits;
import io.github.metarl4j.eval.ConfidenceInterval;
import io.github.metarl4j.eval.TrialEvaluator;
import io.github.metarl4j.env.TaskFamily;
import io.github.metarl4j.eval.agents.EpsilonGreedyBandit;
import io.github.metarl4j.eval.agents.RandomAgent;
import io.github.metarl4j.nn.RecurrentNet;
import io.github.metarl4j.optim.PpoConfig;
import io.github.metarl4j.random.SeedTree;
import io.github.metarl4j.sampler.TrialPolicy;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

class Rl2Test {

    /** Trials run on the caller's thread. */
    private static final Sampler TRIAL_SAMPLER = new LockstepSampler(1, DataType.DOUBLE);

    private static final BanditConfig BANDITS = BanditConfig.bernoulli(5);

    /** Meta-batches of the learning test, each of {@link #TRIALS} trials: 2 M pulls. */
    private static final int ITERATIONS = 100;

    private static final int TRIALS = 2000;

    /** Held-out tasks of the learning test: enough that the 95% interval of a margin is about +-0.014. */
    private static final int HELD_OUT = 100_000;

    private static Rl2 learner(long seed, int hidden) {
        return learner(seed, hidden, 0.01, 4);
    }

    /** Two threads: the same results as one (oneAndTwoThreads_trainTheSameLearner_bitForBit), sooner. */
    private static Rl2 learner(long seed, int hidden, double entropyCoef, int minibatches) {
        RecurrentNet net = new RecurrentNet(1 + 5 + 2, hidden, 5, DataType.FLOAT);
        Rl2Config c = Rl2Config.ppo(10, 0.99, 0.3, PpoConfig.constant(0.2, 5, 0.01), minibatches, 0.5, entropyCoef);
        return new Rl2(c, net, net.initialParameters(SeedTree.root(seed).child("init").generator()),
                new LockstepSampler(2, net.dataType()));
    }

    private static Rl2 learner(long seed, Rl2Config c, int threads) {
        return learner(seed, c, threads, new RecurrentNet(1 + 5 + 2, 16, 5, DataType.FLOAT));
    }

    private static Rl2 learner(long seed, Rl2Config c, int threads, io.github.metarl4j.nn.SequenceModel net) {
        return new Rl2(c, net, net.initialParameters(SeedTree.root(seed).child("init").generator()),
                new LockstepSampler(threads, net.dataType()));
    }

    private static Rl2Config trpo(double maxKl) {
        return new Rl2Config(10, 0.99, 0.3, Rl2Inputs.PAPER, io.github.metarl4j.optim.OuterOptimizer.TRPO,
                new io.github.metarl4j.optim.TrpoConfig(maxKl, 10, 1e-5, 15, 0.8), PpoConfig.constant(0.2, 5, 0.01), 4, 0,
                0, 0.5, 0.01, 0);
    }

    private static MetaStepReport step(Rl2 rl2, int i, int trials) {
        var family = Bandits.family(BANDITS);
        SeedTree root = SeedTree.root(99);
        return rl2.metaStep(family, family.tasks().train().sample(trials, root.child("tasks").child(i).generator()),
                root.child("batch").child(i).generator());
    }

    @Test
    void restoredLearner_continuesBitForBit() {
        Rl2 a = learner(1, 16);
        step(a, 0, 20);
        Rl2 b = learner(2, 16);
        b.restore(a.state());
        step(a, 1, 20);
        step(b, 1, 20);
        assertEquals(a.state(), b.state());
    }

    @Test
    void step_replacesTheParameters_andReportsTheTrials() {
        Rl2 rl2 = learner(1, 16);
        var before = rl2.parameters();
        double[] copy = HostArrays.read(before);
        MetaStepReport r = step(rl2, 0, 20);
        assertEquals(java.util.Arrays.toString(copy), java.util.Arrays.toString(HostArrays.read(before)),
                "the old parameter array is not mutated");
        assertTrue(rl2.parameters() != before);
        assertEquals(200, r.value(Metric.ENV_STEPS), "20 trials of 10 one-pull episodes");
        assertTrue(r.value(Metric.RETURN_BEFORE) >= 0 && r.value(Metric.RETURN_BEFORE) <= 1 && r.value(Metric.KL) >= 0, r.toString());
    }

    @Test
    void trpoSteps_stayInsideTheTrustRegion_andLowerTheObjective() {
        var separate = new io.github.metarl4j.nn.SeparateValueNet(new RecurrentNet(8, 16, 5, DataType.FLOAT),
                new RecurrentNet(8, 16, 5, DataType.FLOAT));
        for (double maxKl : new double[] {0.01, 0.002}) {
            try (Rl2 rl2 = maxKl == 0.01 ? learner(1, trpo(maxKl), 1) : learner(1, trpo(maxKl), 1, separate)) {
                int accepted = 0;
                for (int i = 0; i < 4; i++) {
                    MetaStepReport r = step(rl2, i, 100);
                    assertTrue(r.value(Metric.KL) <= maxKl, "KL " + r.value(Metric.KL) + " > " + maxKl);
                    if (r.value(Metric.ACCEPTED) == 1) {
                        accepted++;
                        assertTrue(r.value(Metric.KL) > 0, r.toString());
                        assertTrue(r.value(Metric.OBJECTIVE_AFTER) < r.value(Metric.OBJECTIVE_BEFORE), r.toString());
                        assertEquals(1, r.value(Rl2.UPDATES));
                    }
                }
                assertTrue(accepted >= 3, accepted + " of 4 steps accepted");
            }
        }
    }

    @Test
    void rewardPrediction_trainsTheAuxiliaryHead_andNeedsOne() {
        Rl2Config c = new Rl2Config(10, 0.99, 0.3, Rl2Inputs.PAPER, io.github.metarl4j.optim.OuterOptimizer.PPO,
                io.github.metarl4j.optim.TrpoConfig.MAML_PAPER, PpoConfig.constant(0.2, 5, 0.01), 4, 0, 0, 0.5, 0.01, 1.0);
        // Bernoulli arms: the error of the rewards the taken actions paid falls as the head learns
        // (0.262 after the first batch, 0.22 by batch 40 on this seed)
        try (Rl2 rl2 = learner(1, c, 1, new RecurrentNet(8, 16, 5, 5, DataType.FLOAT))) {
            double first = 0;
            double last = 0;
            for (int i = 0; i < 40; i++) {
                double error = step(rl2, i, 200).value(Rl2.REWARD_ERROR);
                assertTrue(error > 0, "a reward error is reported");
                first += i < 5 ? error / 5 : 0;
                last += i >= 30 ? error / 10 : 0;
            }
            assertTrue(last < 0.93 * first, "reward error " + first + " over batches 0-4, " + last + " over 30-39");
        }
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> learner(1, c, 1));
        assertEquals("rewardCoef 1.0 needs a network whose auxiliary head has width 5, got 0", e.getMessage());
    }

    @Test
    void pairInputs_widenTheNetworksRows_forTrainingAndActing() {
        // bandit rows are 1 + 5 + 2 wide; the pairs add 2 x 1 x 5
        Rl2Config c = new Rl2Config(10, 0.99, 0.3, Rl2Inputs.PAIRS, io.github.metarl4j.optim.OuterOptimizer.PPO,
                io.github.metarl4j.optim.TrpoConfig.MAML_PAPER, PpoConfig.constant(0.2, 2, 0.01), 2, 0, 0, 0.5, 0.01, 0);
        try (Rl2 rl2 = learner(1, c, 1, new RecurrentNet(18, 16, 5, DataType.FLOAT))) {
            MetaStepReport r = step(rl2, 0, 20);
            assertEquals(200, r.value(Metric.ENV_STEPS));
            assertTrue(r.value(Metric.KL) > 0, r.toString());
        }
        try (Rl2 wrongWidth = learner(1, c, 1, new RecurrentNet(8, 16, 5, DataType.FLOAT))) {
            var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> step(wrongWidth, 0, 20));
            assertTrue(e.getMessage().contains("inputs of width 8"), e.getMessage());
        }
    }

    @Test
    void ppoKlStop_endsTheEpochsAtTheFirstMinibatchPastTheTarget() {
        // 5 epochs of 4 minibatches: 20 Adam steps without a stop; a tiny target lets only the first
        // (whose minibatch is still at the sampling policy, KL 0) through
        Rl2Config free = Rl2Config.ppo(10, 0.99, 0.3, PpoConfig.constant(0.2, 5, 0.01), 4, 0.5, 0.01);
        Rl2Config stopped = new Rl2Config(10, 0.99, 0.3, Rl2Inputs.PAPER, io.github.metarl4j.optim.OuterOptimizer.PPO,
                io.github.metarl4j.optim.TrpoConfig.MAML_PAPER, PpoConfig.constant(0.2, 5, 0.01), 4, 1e-9, 0.5, 0.5, 0.01, 0);
        try (Rl2 a = learner(1, free, 1); Rl2 b = learner(1, stopped, 1)) {
            assertEquals(20, step(a, 0, 40).value(Rl2.UPDATES));
            MetaStepReport r = step(b, 0, 40);
            assertEquals(1, r.value(Rl2.UPDATES));
            assertTrue(r.value(Metric.KL) > 1e-9, r.toString());
        }
    }

    /**
     * PPO's learning-rate anneal counts epochs x minibatches Adam steps per meta-batch: over 2 batches
     * of 2 epochs of 4 minibatches, batch 1 still moves the parameters and batch 2 (rate 0) does not;
     * had it counted epochs alone, the rate would be 0 from batch 1 on.
     */
    @Test
    void learningRateAnneal_reachesZeroAfterDecayBatches() {
        Rl2Config c = Rl2Config.ppo(10, 0.99, 0.3, new PpoConfig(0.2, 2, 0.01, 2), 4, 0.5, 0.01);
        try (Rl2 rl2 = learner(1, c, 1)) {
            double[] start = HostArrays.read(rl2.parameters());
            step(rl2, 0, 40);
            double[] afterFirst = HostArrays.read(rl2.parameters());
            step(rl2, 1, 40);
            double[] afterSecond = HostArrays.read(rl2.parameters());
            step(rl2, 2, 40);
            assertTrue(!java.util.Arrays.equals(start, afterFirst), "batch 0 moves the parameters");
            assertTrue(!java.util.Arrays.equals(afterFirst, afterSecond), "batch 1 (rates 0.005 to 0.000625) moves them");
            assertEquals(java.util.Arrays.toString(afterSecond), java.util.Arrays.toString(HostArrays.read(
                    rl2.parameters())), "batch 2 takes Adam steps at rate 0");
        }
    }

    @Test
    void oneAndTwoThreads_trainTheSameLearner_bitForBit() {
        for (Rl2Config c : List.of(Rl2Config.ppo(10, 0.99, 0.3, PpoConfig.constant(0.2, 2, 0.01), 2, 0.5, 0.01),
                trpo(0.01))) {
            // 300 trials: passes over blocks of 128, 128 and 44 trials, and minibatches of 150
            try (Rl2 one = learner(3, c, 1); Rl2 two = learner(3, c, 2)) {
                for (int i = 0; i < 2; i++) {
                    step(one, i, 300);
                    step(two, i, 300);
                }
                assertEquals(one.state(), two.state(), c.outer() + ": the state after two steps");
            }
        }
    }

    /**
     * RL^2 on the paper's 5-armed, 10-pull bandits beats the greedy agent (Beta(1, 1) posterior
     * means) and random, on each of three seeds: on 100,000 held-out tasks, with the same reward
     * draws for both on every task, the 95% interval of its per-task margin over greedy lies above
     * 0, and it is far above random and its own start. 100 meta-batches of 2000 trials (2 M pulls).
     */
    @Tag("slow")
    @Test
    void learnsToBeatRandomAndGreedy_overThreeSeeds() {
        var family = Bandits.family(BANDITS);
        for (long seed = 1; seed <= 3; seed++) {
            List<BanditTask> held = family.tasks().test().sample(HELD_OUT, SeedTree.root(seed).child("eval").generator());
            double[] random = totals(new RandomAgent(), family, held, seed);
            double[] greedy = totals(new EpsilonGreedyBandit(0), family, held, seed);
            Rl2 rl2 = learner(seed, 32, 0.0, 8);
            double[] initial = totals(rl2.policy(), family, held, seed);
            for (int i = 0; i < ITERATIONS; i++) {
                step(rl2, i + (int) seed * 10_000, TRIALS);
            }
            double[] trained = totals(rl2.policy(), family, held, seed);
            ConfidenceInterval overRandom = ConfidenceInterval.of95(difference(trained, random));
            ConfidenceInterval overStart = ConfidenceInterval.of95(difference(trained, initial));
            ConfidenceInterval overGreedy = ConfidenceInterval.of95(difference(trained, greedy));
            System.out.printf("RL^2 seed %d, k=5 n=10: random %s, greedy %s, initial %s, after %d iterations %s; "
                    + "margin over greedy %s%n", seed, ConfidenceInterval.of95(random), ConfidenceInterval.of95(greedy),
                    ConfidenceInterval.of95(initial), ITERATIONS, ConfidenceInterval.of95(trained), overGreedy);
            assertTrue(overRandom.lower() > 1.0, "RL^2's margin over random " + overRandom);
            assertTrue(overStart.lower() > 1.0, "RL^2's margin over its start " + overStart);
            assertTrue(overGreedy.lower() > 0, "RL^2's margin over greedy " + overGreedy);
        }
    }

    private static double[] difference(double[] a, double[] b) {
        double[] d = new double[a.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = a[i] - b[i];
        }
        return d;
    }

    private static double[] totals(TrialPolicy policy, TaskFamily<BanditTask, double[], Integer> family,
                                   List<BanditTask> held, long seed) {
        return TrialEvaluator.totals(TRIAL_SAMPLER, policy, family, held, 10, SeedTree.root(seed).child("play").generator());
    }
}
