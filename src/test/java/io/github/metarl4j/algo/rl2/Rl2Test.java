package io.github.metarl4j.algo.rl2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metarl4j.algo.MetaStepReport;
import io.github.metarl4j.data.HostArrays;
import io.github.metarl4j.envs.bandit.BanditConfig;
import io.github.metarl4j.envs.bandit.BanditTask;
import io.github.metarl4j.envs.bandit.Bandits;
import io.github.metarl4j.eval.TrialEvaluator;
import io.github.metarl4j.env.TaskFamily;
import io.github.metarl4j.eval.agents.EpsilonGreedyBandit;
import io.github.metarl4j.eval.agents.RandomAgent;
import io.github.metarl4j.nn.RecurrentNet;
import io.github.metarl4j.optim.PpoConfig;
import io.github.metarl4j.random.SeedTree;
import io.github.metarl4j.sampler.TrialPolicy;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

class Rl2Test {

    private static final BanditConfig BANDITS = BanditConfig.bernoulli(5);

    private static final int ITERATIONS = 300;

    private static Rl2 learner(long seed, int hidden) {
        return learner(seed, hidden, 0.01);
    }

    private static Rl2 learner(long seed, int hidden, double entropyCoef) {
        RecurrentNet net = new RecurrentNet(1 + 5 + 2, hidden, 5, DataType.FLOAT);
        Rl2Config c = new Rl2Config(10, 0.99, 0.3, new PpoConfig(0.2, 5, 0.01), 4, 0.5, entropyCoef);
        return new Rl2(c, net, net.initialParameters(SeedTree.root(seed).child("init").generator()));
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
        assertEquals(200, r.envSteps(), "20 trials of 10 one-pull episodes");
        assertTrue(r.returnBefore() >= 0 && r.returnBefore() <= 1 && r.kl() >= 0, r.toString());
    }

    /**
     * RL^2 on the paper's 5-armed, 10-pull bandits learns to do far better than pulling at random,
     * and reaches the greedy agent's level (Beta(1, 1) posterior means, within 1.5% of the Gittins
     * agent here), on the same 2000 held-out tasks and reward draws. At this budget it does not beat
     * greedy on every seed (docs/results-rl2.md gives the margins), so that is not asserted.
     */
    @Tag("slow")
    @Test
    void learnsToBeatRandom_andReachGreedy_overThreeSeeds() {
        var family = Bandits.family(BANDITS);
        for (long seed = 1; seed <= 3; seed++) {
            List<BanditTask> held = family.tasks().test().sample(2000, SeedTree.root(seed).child("eval").generator());
            double random = reference(new RandomAgent(), family, held, seed);
            double greedy = reference(new EpsilonGreedyBandit(0), family, held, seed);
            Rl2 rl2 = learner(seed, 32, 0.0);
            double initial = score(rl2, family, held, seed);
            for (int i = 0; i < ITERATIONS; i++) {
                step(rl2, i + (int) seed * 10_000, 200);
            }
            double trained = score(rl2, family, held, seed);
            System.out.printf("RL^2 seed %d, k=5 n=10: random %.3f, greedy %.3f, initial %.3f, after %d iterations "
                    + "%.3f (%+.3f against greedy)%n", seed, random, greedy, initial, ITERATIONS, trained,
                    trained - greedy);
            assertTrue(trained > random + 1.0, "RL^2 " + trained + " should beat random " + random);
            assertTrue(trained > initial + 1.0, "RL^2 " + trained + " should improve on its start " + initial);
            assertTrue(trained > 0.985 * greedy, "RL^2 " + trained + " should be within 1.5% of greedy " + greedy);
        }
    }

    private static double reference(TrialPolicy agent, TaskFamily<BanditTask, double[], Integer> family,
                                    List<BanditTask> held, long seed) {
        return TrialEvaluator.evaluate("reference", agent, family, held, 10, Optional.of(Bandits.oracle()),
                SeedTree.root(seed).child("play").generator()).total().mean();
    }

    private static double score(Rl2 rl2, TaskFamily<BanditTask, double[], Integer> family,
                                List<BanditTask> held, long seed) {
        return TrialEvaluator.evaluate("rl2", rl2.policy(), family, held, 10, Optional.of(Bandits.oracle()),
                SeedTree.root(seed).child("play").generator()).total().mean();
    }
}
