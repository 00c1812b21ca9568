package io.github.metarl4j.algo.rl2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metarl4j.algo.MetaStepReport;
import io.github.metarl4j.data.HostArrays;
import io.github.metarl4j.envs.bandit.BanditConfig;
import io.github.metarl4j.envs.bandit.BanditTask;
import io.github.metarl4j.envs.bandit.Bandits;
import io.github.metarl4j.eval.TrialEvaluator;
import io.github.metarl4j.eval.agents.RandomAgent;
import io.github.metarl4j.nn.RecurrentNet;
import io.github.metarl4j.optim.PpoConfig;
import io.github.metarl4j.random.SeedTree;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;

class Rl2Test {

    private static final BanditConfig BANDITS = BanditConfig.bernoulli(5);

    private static Rl2 learner(long seed, int hidden) {
        RecurrentNet net = new RecurrentNet(1 + 5 + 2, hidden, 5, DataType.FLOAT);
        Rl2Config c = new Rl2Config(10, 0.99, 0.3, new PpoConfig(0.2, 5, 0.01), 4, 0.5, 0.01);
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

    /** RL^2 on the paper's 5-armed, 10-pull bandits learns to do better than pulling at random. */
    @Tag("slow")
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void learnsToBeatRandomPulls(long seed) {
        var family = Bandits.family(BANDITS);
        List<BanditTask> held = family.tasks().test().sample(500, SeedTree.root(seed).child("eval").generator());
        double random = TrialEvaluator.evaluate("random", new RandomAgent(), family, held, 10,
                Optional.of(Bandits.oracle()), SeedTree.root(seed).child("play").generator()).total().mean();
        Rl2 rl2 = learner(seed, 32);
        double initial = score(rl2, family, held, seed);
        for (int i = 0; i < 40; i++) {
            step(rl2, i + (int) seed * 1000, 200);
        }
        double trained = score(rl2, family, held, seed);
        System.out.printf("RL^2 seed %d, k=5 n=10: random %.3f, initial %.3f, after 40 iterations %.3f%n", seed,
                random, initial, trained);
        assertTrue(trained > random + 0.3, "RL^2 " + trained + " should beat random " + random);
        assertTrue(trained > initial + 0.3, "RL^2 " + trained + " should improve on its start " + initial);
    }

    private static double score(Rl2 rl2, io.github.metarl4j.env.TaskFamily<BanditTask, double[], Integer> family,
                                List<BanditTask> held, long seed) {
        return TrialEvaluator.evaluate("rl2", rl2.policy(), family, held, 10, Optional.of(Bandits.oracle()),
                SeedTree.root(seed).child("play").generator()).total().mean();
    }
}
