package io.github.metarl4j.algo.rl2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metarl4j.data.TrialBatch;
import io.github.metarl4j.env.TaskFamily;
import io.github.metarl4j.envs.bandit.BanditConfig;
import io.github.metarl4j.envs.bandit.BanditTask;
import io.github.metarl4j.envs.bandit.Bandits;
import io.github.metarl4j.eval.agents.EpsilonGreedyBandit;
import io.github.metarl4j.nn.RecurrentNet;
import io.github.metarl4j.sampler.LockstepSampler;
import io.github.metarl4j.sampler.TrialInputs;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class TrialCloningTest {

    private static final TaskFamily<BanditTask, double[], Integer> BANDITS = Bandits.family(new BanditConfig(3,
            BanditConfig.Rewards.BERNOULLI, 1));

    @Test
    void loss_matchesAHandComputation_andIgnoresPadding() {
        // step 0: logits (0, ln 3), softmax (1/4, 3/4), action 1; step 1 is padding
        double[] logits = {0, Math.log(3), 5, -5};
        TrialCloning.Loss l = TrialCloning.Loss.of(logits, new int[] {1, 0}, new boolean[] {true, false}, 2);
        assertEquals(-Math.log(0.75), l.nll(), 1e-15);
        assertArrayEquals(new double[] {0.25, -0.25, 0, 0}, l.dLogits(), 1e-15);
        assertEquals("no real step to clone", assertThrows(IllegalArgumentException.class,
                () -> TrialCloning.Loss.of(logits, new int[] {1, 0}, new boolean[] {false, false}, 2)).getMessage());
    }

    @Test
    void lossDerivative_matchesCentralFiniteDifferences() {
        SplittableRandom rng = new SplittableRandom(3);
        double[] logits = rng.doubles(12, -2, 2).toArray();
        int[] actions = {2, 0, 1, 1};
        boolean[] mask = {true, true, false, true};
        double[] d = TrialCloning.Loss.of(logits, actions, mask, 3).dLogits();
        for (int i = 0; i < logits.length; i++) {
            double[] up = logits.clone();
            double[] down = logits.clone();
            up[i] += 1e-6;
            down[i] -= 1e-6;
            double fd = (TrialCloning.Loss.of(up, actions, mask, 3).nll() - TrialCloning.Loss.of(down, actions, mask, 3)
                    .nll()) / 2e-6;
            assertEquals(fd, d[i], 1e-8, "logit " + i);
        }
    }

    @Test
    void gradientThroughTheRecurrentNet_matchesCentralFiniteDifferences() {
        RecurrentNet net = new RecurrentNet(new TrialInputs(1, 3).width(), 4, 3, DataType.DOUBLE);
        INDArray theta = net.initialParameters(new SplittableRandom(5));
        TrialBatch batch;
        try (LockstepSampler sampler = new LockstepSampler(1, DataType.DOUBLE)) {
            batch = sampler.sampleTrials(BANDITS, BANDITS.tasks().train().sample(3, new SplittableRandom(6)), 4,
                    new EpsilonGreedyBandit(0.3), new SplittableRandom(7));
        }
        double[] g = TrialCloning.gradient(net, theta, batch).toDoubleVector();
        SplittableRandom rng = new SplittableRandom(8);
        for (int k = 0; k < 5; k++) {
            double[] v = rng.doubles(theta.length(), -1, 1).toArray();
            INDArray dir = org.nd4j.linalg.factory.Nd4j.createFromArray(v);
            double h = 1e-6;
            double fd = (TrialCloning.loss(net, theta.add(dir.mul(h)), batch).nll()
                    - TrialCloning.loss(net, theta.sub(dir.mul(h)), batch).nll()) / (2 * h);
            double analytic = 0;
            for (int i = 0; i < v.length; i++) {
                analytic += g[i] * v[i];
            }
            assertEquals(fd, analytic, 1e-7 * Math.max(1, Math.abs(fd)), "direction " + k);
        }
    }

    @Test
    void cloningTheGreedyAgent_takesItsActionsLikelihoodFarAboveUniform_onFreshTrials() {
        RecurrentNet net = new RecurrentNet(new TrialInputs(1, 3).width(), 16, 3, DataType.DOUBLE);
        INDArray theta0 = net.initialParameters(new SplittableRandom(1));
        try (LockstepSampler sampler = new LockstepSampler(1, DataType.DOUBLE)) {
            EpsilonGreedyBandit greedy = new EpsilonGreedyBandit(0);
            TrialBatch fresh = sampler.sampleTrials(BANDITS, BANDITS.tasks().test().sample(200,
                    new SplittableRandom(2)), 10, greedy, new SplittableRandom(3));
            double before = TrialCloning.loss(net, theta0, fresh).nll();
            INDArray theta = TrialCloning.train(net, theta0, greedy, BANDITS, 10, 50, 300, 0.01, sampler,
                    new SplittableRandom(4), (t, step) -> { });
            double after = TrialCloning.loss(net, theta, fresh).nll();
            // uniform over 3 arms is ln 3 = 1.099; the greedy agent is deterministic given its history
            assertTrue(before > 1.0 && after < 0.1, "held-out NLL " + before + " -> " + after);
        }
    }
}
