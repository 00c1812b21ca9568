package io.github.metarl4j.algo.rl2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metarl4j.data.HostArrays;
import io.github.metarl4j.data.TrialBatch;
import io.github.metarl4j.nn.RecurrentNet;
import io.github.metarl4j.nn.RecurrentPass;
import io.github.metarl4j.sampler.TaskThreads;
import io.github.metarl4j.testing.FiniteDifferences;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class TrialPassesTest {

    private static final int T = 6;
    private static final int B = 300; // blocks of 128, 128 and 44
    private static final int IN = 4;
    private static final int A = 3;

    /** Trials of random inputs and actions, of lengths 3 to 6 (padding after). */
    private static TrialBatch batch() {
        SplittableRandom rng = new SplittableRandom(3);
        double[] in = new double[T * B * IN];
        for (int i = 0; i < in.length; i++) {
            in[i] = rng.nextGaussian();
        }
        int[] actions = new int[T * B];
        double[] rewards = new double[T * B];
        boolean[] mask = new boolean[T * B];
        boolean[] ends = new boolean[T * B];
        for (int b = 0; b < B; b++) {
            int len = 3 + rng.nextInt(T - 2);
            for (int s = 0; s < len; s++) {
                mask[s * B + b] = true;
                actions[s * B + b] = rng.nextInt(A);
                rewards[s * B + b] = 1 + rng.nextGaussian();
            }
            ends[(len - 1) * B + b] = true;
        }
        return TrialBatch.of(T, B, IN, in, actions, rewards, mask, ends);
    }

    /** The batch with targets taken at {@code theta}, advantages and returns random. */
    private static Minibatches data(RecurrentNet net, INDArray theta, TrialBatch batch) {
        RecurrentPass p = net.forward(theta, HostArrays.create(batch.inputs(), net.dataType(), T, B, IN));
        double[] logits = HostArrays.read(p.outputs());
        double[] values = HostArrays.read(p.values());
        SplittableRandom rng = new SplittableRandom(4);
        double[] adv = new double[T * B];
        double[] ret = new double[T * B];
        for (int i = 0; i < adv.length; i++) {
            adv[i] = rng.nextGaussian();
            ret[i] = values[i] + rng.nextGaussian();
        }
        return new Minibatches(batch, A).withTargets(logits, Rl2.logProbs(logits, batch.actions(), A), adv, ret);
    }

    private static TrialPasses.Loss loss(double clip) {
        TrialLoss.Weights w = new TrialLoss.Weights(clip, 0.5, 0.01, 0);
        return (logits, values, aux, targets, real) -> TrialLoss.of(logits, values, aux, targets, w, real);
    }

    @Test
    void blocks_giveTheHeadsLossAndGradientOfOnePassOverTheWholeSet() {
        // with an auxiliary head and a reward-prediction weight, so that its gradient is summed too
        RecurrentNet net = new RecurrentNet(IN, 5, A, A, DataType.DOUBLE);
        TrialLoss.Weights w = new TrialLoss.Weights(0.2, 0.5, 0.01, 0.3);
        TrialPasses.Loss loss = (logits, values, aux, targets, real) -> TrialLoss.of(logits, values, aux, targets, w,
                real);
        INDArray theta = FiniteDifferences.randomVector(net.numParams(), 5).muli(0.5);
        TrialBatch batch = batch();
        Minibatches data = data(net, theta, batch);
        INDArray moved = theta.add(FiniteDifferences.randomVector(net.numParams(), 6).muli(0.05));
        try (TaskThreads threads = new TaskThreads(1)) {
            TrialPasses passes = new TrialPasses(net, threads);
            int[] all = data.all();
            assertEquals(3, TrialPasses.blocks(all).size());
            RecurrentPass whole = net.forward(moved, HostArrays.create(batch.inputs(), DataType.DOUBLE, T, B, IN));
            TrialPasses.Heads heads = passes.forward(moved, data, all);
            assertArrayEquals(HostArrays.read(whole.outputs()), heads.logits(), 1e-13);
            assertArrayEquals(HostArrays.read(whole.values()), heads.values(), 1e-13);
            Minibatches.Part part = data.part(all);
            TrialLoss l = TrialLoss.of(heads.logits(), heads.values(), HostArrays.read(whole.auxiliary()),
                    part.targets(), w, part.targets().realSteps());
            assertTrue(l.rewardError() > 0.1, "the untrained head's error");
            INDArray expected = whole.backward(HostArrays.create(l.dLogits(), DataType.DOUBLE, T, B, A),
                    HostArrays.create(l.dValues(), DataType.DOUBLE, T, B),
                    HostArrays.create(l.dAuxiliary(), DataType.DOUBLE, T, B, A));
            TrialPasses.Gradient g = passes.gradient(moved, data, all, loss);
            assertEquals(l.value(), g.loss().value(), 1e-13);
            assertEquals(l.meanKl(), g.loss().meanKl(), 1e-13);
            assertTrue(l.meanKl() > 1e-4, "the moved parameters are away from the sampling ones");
            assertEquals(l.rewardError(), g.loss().rewardError(), 1e-13);
            FiniteDifferences.assertClose(expected, g.gradient(), 1e-12, "gradient summed over blocks");
            assertEquals(l.value(), passes.loss(moved, data, all, loss).value(), 1e-13);
        }
    }

    @Test
    void fisherProduct_isTheKlsHessian_byCentralDifferencesOfItsGradient() {
        // at the sampling parameters the KL's Hessian is exactly the Fisher product; its gradient is
        // backpropagated from dKL/dlogits = (p - p_old) / N
        RecurrentNet net = new RecurrentNet(IN, 5, A, DataType.DOUBLE);
        INDArray theta = FiniteDifferences.randomVector(net.numParams(), 7).muli(0.5);
        TrialBatch batch = batch();
        Minibatches data = data(net, theta, batch);
        Minibatches.Part part = data.part(data.all());
        int real = part.targets().realSteps();
        java.util.function.Function<INDArray, INDArray> klGradient = th -> {
            RecurrentPass p = net.forward(th, HostArrays.create(batch.inputs(), DataType.DOUBLE, T, B, IN));
            double[] logits = HostArrays.read(p.outputs());
            double[] dy = new double[logits.length];
            double[] lp = new double[A];
            double[] lpOld = new double[A];
            for (int i = 0; i < T * B; i++) {
                if (part.targets().mask()[i]) {
                    io.github.metarl4j.policy.Categorical.logSoftmax(logits, i * A, A, lp);
                    io.github.metarl4j.policy.Categorical.logSoftmax(part.targets().oldLogits(), i * A, A, lpOld);
                    for (int j = 0; j < A; j++) {
                        dy[i * A + j] = (Math.exp(lp[j]) - Math.exp(lpOld[j])) / real;
                    }
                }
            }
            return p.backward(HostArrays.create(dy, DataType.DOUBLE, T, B, A), Nd4j.zeros(DataType.DOUBLE, T, B), null);
        };
        INDArray v = FiniteDifferences.randomVector(net.numParams(), 8);
        INDArray fd = FiniteDifferences.directional(klGradient, theta, v);
        try (TaskThreads threads = new TaskThreads(1)) {
            INDArray fv = new TrialPasses(net, threads).fisherTimes(theta, data, data.all(), v);
            FiniteDifferences.assertClose(fd, fv, 1e-7, "Fisher product through BPTT");
            assertTrue(fv.mul(v).sumNumber().doubleValue() > 0, "v^T F v > 0");
        }
    }

    @Test
    void oneAndTwoThreads_giveTheSameHeadsLossGradientAndFisherProduct_bitForBit() {
        RecurrentNet net = new RecurrentNet(IN, 8, A, DataType.FLOAT);
        INDArray theta = net.initialParameters(new SplittableRandom(9));
        TrialBatch batch = batch();
        Minibatches data = data(net, theta, batch);
        INDArray moved = theta.add(FiniteDifferences.randomVector(net.numParams(), 10).muli(0.05)
                .castTo(DataType.FLOAT));
        INDArray v = FiniteDifferences.randomVector(net.numParams(), 11).castTo(DataType.FLOAT);
        double[][] results = new double[2][];
        for (int n = 1; n <= 2; n++) {
            try (TaskThreads threads = new TaskThreads(n)) {
                TrialPasses passes = new TrialPasses(net, threads);
                TrialPasses.Heads h = passes.forward(moved, data, data.all());
                TrialPasses.Gradient g = passes.gradient(moved, data, data.all(), loss(0.2));
                double[] fv = HostArrays.read(passes.fisherTimes(theta, data, data.all(), v));
                results[n - 1] = java.util.stream.Stream.of(HostArrays.read(g.gradient()), h.logits(), h.values(), fv,
                        new double[] {g.loss().value(), g.loss().meanKl()}).flatMapToDouble(java.util.Arrays::stream)
                        .toArray();
            }
        }
        assertArrayEquals(results[0], results[1]);
    }
}
