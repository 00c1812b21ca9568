package io.github.metarl4j.algo.cql;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metarl4j.algo.LearnerState;
import io.github.metarl4j.data.HostArrays;
import io.github.metarl4j.data.TransitionDataset;
import io.github.metarl4j.nn.Activation;
import io.github.metarl4j.nn.Mlp;
import io.github.metarl4j.nn.MlpPass;
import io.github.metarl4j.nn.Scratch;
import io.github.metarl4j.space.Box;
import io.github.metarl4j.space.Discrete;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class CqlTest {

    @Test
    void loss_matchesAHandComputation() {
        double[] q = {1, 2, 0, 0};
        CqlLoss l = CqlLoss.of(q, new int[] {1, 0}, new double[] {1.5, 1}, 0.5);
        double lse0 = Math.log(Math.exp(1) + Math.exp(2));
        double lse1 = Math.log(2);
        assertEquals((0.5 * (lse0 - 2) + 0.5 * 0.25 + 0.5 * (lse1 - 0) + 0.5 * 1) / 2, l.loss(), 1e-15);
        assertEquals((0.25 + 1) / 2, l.td(), 1e-15);
        assertEquals((lse0 - 2 + lse1) / 2, l.gap(), 1e-15);
        double p01 = Math.exp(1 - lse0);
        assertArrayEquals(new double[] {0.5 * p01 / 2, (0.5 * (1 - p01) - 0.5 + 0.5) / 2, (0.5 * 0.5 - 0.5 - 1) / 2,
            0.5 * 0.5 / 2}, l.dq(), 1e-15);
    }

    @Test
    void gradientThroughTheNetwork_matchesCentralFiniteDifferences() {
        Mlp net = new Mlp(3, new int[] {5}, 4, Activation.TANH, DataType.DOUBLE);
        SplittableRandom rng = new SplittableRandom(4);
        INDArray theta = net.initialParameters(rng);
        int m = 6;
        double[] obs = new double[m * 3];
        int[] act = new int[m];
        double[] y = new double[m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < 3; j++) {
                obs[i * 3 + j] = rng.nextDouble() * 2 - 1;
            }
            act[i] = rng.nextInt(4);
            y[i] = rng.nextDouble();
        }
        INDArray x = HostArrays.create(obs, DataType.DOUBLE, m, 3);
        Scratch scratch = new Scratch();
        INDArray grad;
        try (Scratch.Lease lease = scratch.lease()) {
            MlpPass pass = net.forward(theta, x, scratch);
            grad = pass.vjp(HostArrays.create(CqlLoss.of(HostArrays.read(pass.output()), act, y, 0.7).dq(),
                    DataType.DOUBLE, m, 4));
        }
        double h = 1e-6;
        for (int p = 0; p < theta.length(); p++) {
            INDArray plus = theta.dup();
            plus.putScalar(p, theta.getDouble(p) + h);
            INDArray minus = theta.dup();
            minus.putScalar(p, theta.getDouble(p) - h);
            double fd = (loss(net, plus, x, act, y, scratch) - loss(net, minus, x, act, y, scratch)) / (2 * h);
            assertEquals(fd, grad.getDouble(p), 1e-8 * Math.max(1, Math.abs(fd)), "parameter " + p);
        }
    }

    private static double loss(Mlp net, INDArray theta, INDArray x, int[] act, double[] y, Scratch scratch) {
        try (Scratch.Lease lease = scratch.lease()) {
            return CqlLoss.of(HostArrays.read(net.forward(theta, x, scratch).output()), act, y, 0.7).loss();
        }
    }

    /** One state, three actions: the data holds action 0 (reward 1) and action 1 (reward 0), never action 2. */
    private static TransitionDataset oneState() {
        int n = 200;
        double[] obs = new double[n];
        double[] act = new double[n];
        double[] rew = new double[n];
        boolean[] done = new boolean[n];
        java.util.Arrays.fill(obs, 1);
        for (int i = 0; i < n; i++) {
            act[i] = i % 2;
            rew[i] = i % 2 == 0 ? 1 : 0;
            done[i] = true;
        }
        return TransitionDataset.of(Box.of(0, 1, 1), new Discrete(3), new TransitionDataset.Columns(obs, act, rew,
                obs.clone(), done, new boolean[n], Optional.empty(), Optional.empty()));
    }

    private static double[] trainedQ(double alpha, long seed) {
        Mlp net = new Mlp(1, new int[] {8}, 3, Activation.TANH, DataType.DOUBLE);
        ConservativeQLearning learner = new ConservativeQLearning(new CqlConfig(alpha, 0.9, 32, 50, 0.01), net,
                net.initialParameters(new SplittableRandom(seed)), oneState());
        SplittableRandom rng = new SplittableRandom(seed + 1);
        for (int i = 0; i < 8; i++) {
            learner.metaStep(null, List.of(), rng);
        }
        Scratch scratch = new Scratch();
        try (Scratch.Lease lease = scratch.lease()) {
            return HostArrays.read(net.forward(learner.parameters(), HostArrays.create(new double[] {1}, DataType.DOUBLE,
                    1, 1), scratch).output());
        }
    }

    @Test
    void fittedQ_fitsTheData_andTheRegulariser_pushesTheUnseenActionBelowTheSeenOnes_overThreeSeeds() {
        for (long seed = 1; seed <= 3; seed++) {
            double[] plain = trainedQ(0, seed);
            assertEquals(1, plain[0], 0.05, "seed " + seed + ": Q(s, 0) fits reward 1");
            assertEquals(0, plain[1], 0.05, "seed " + seed + ": Q(s, 1) fits reward 0");
            double[] cql = trainedQ(1, seed);
            assertTrue(cql[2] < cql[1] - 1 && cql[1] < cql[0], "seed " + seed + ": Q " + java.util.Arrays.toString(cql));
            assertTrue(cql[0] < 1, "seed " + seed + ": conservative below the data's value, Q(s, 0) = " + cql[0]);
        }
    }

    @Test
    void aResumedLearner_continuesBitForBit() {
        Mlp net = new Mlp(1, new int[] {4}, 3, Activation.TANH, DataType.DOUBLE);
        CqlConfig config = new CqlConfig(0.5, 0.9, 16, 5, 0.01);
        INDArray init = net.initialParameters(new SplittableRandom(2));
        ConservativeQLearning whole = new ConservativeQLearning(config, net, init, oneState());
        ConservativeQLearning first = new ConservativeQLearning(config, net, init, oneState());
        for (int i = 0; i < 3; i++) {
            whole.metaStep(null, List.of(), new SplittableRandom(i));
            if (i < 2) {
                first.metaStep(null, List.of(), new SplittableRandom(i));
            }
        }
        LearnerState state = first.state();
        ConservativeQLearning resumed = new ConservativeQLearning(config, net, net.initialParameters(new SplittableRandom(9)), oneState());
        resumed.restore(state);
        resumed.metaStep(null, List.of(), new SplittableRandom(2));
        assertEquals(whole.parameters(), resumed.parameters());
    }
}
