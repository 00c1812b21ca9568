package io.github.metarl4j.algo.rl2;

import io.github.metarl4j.data.HostArrays;
import io.github.metarl4j.nn.ScratchMemory;
import io.github.metarl4j.nn.SequenceModel;
import io.github.metarl4j.nn.SequencePass;
import io.github.metarl4j.sampler.TaskThreads;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * RL^2's passes of the sequence model over a set of trials, on all of the learner's threads: the
 * set is cut into blocks of {@link #BLOCK} trials in its given order, each block's pass runs on a
 * thread in its own scratch workspace, and the blocks' losses, gradients and products are added in
 * block order. The blocks do not depend on the thread count, so neither do the results, bit for bit.
 */
final class TrialPasses {

    /**
     * Trials per pass: blocks of 128 lose 7% against one pass over 1000 trials on one thread and
     * run 1.8 times as fast on two (docs/benchmarks.md); smaller blocks pay more per-op costs.
     */
    static final int BLOCK = 128;

    private static final String WORKSPACE = "rl2-pass";

    /**
     * A loss of the heads on a block ({@code auxiliary} null when the model has no auxiliary head),
     * averaged over {@code real} steps of the whole set.
     */
    @FunctionalInterface
    interface Loss {
        TrialLoss of(double[] logits, double[] values, double[] auxiliary, TrialTargets targets, int real);
    }

    /** The heads on a set, in its order: {@code logits [T, m, A]}, {@code values [T, m]}. */
    record Heads(double[] logits, double[] values) {
    }

    /** A loss over a set and its gradient {@code [P]} (detached, in the network's type). */
    record Gradient(TrialLoss.Scalars loss, INDArray gradient) {
    }

    private final SequenceModel net;
    private final TaskThreads threads;

    TrialPasses(SequenceModel net, TaskThreads threads) {
        this.net = net;
        this.threads = threads;
    }

    /** {@code trials} cut into blocks of {@link #BLOCK}, in order. */
    static List<int[]> blocks(int[] trials) {
        int count = (trials.length + BLOCK - 1) / BLOCK;
        return java.util.stream.IntStream.range(0, count)
                .mapToObj(k -> Arrays.copyOfRange(trials, k * BLOCK, Math.min(trials.length, (k + 1) * BLOCK))).toList();
    }

    /** The heads of {@code trials} at {@code theta}. */
    Heads forward(INDArray theta, Minibatches data, int[] trials) {
        List<int[]> blocks = blocks(trials);
        List<Heads> parts = threads.map(blocks.size(), k -> {
            Minibatches.Part part = data.part(blocks.get(k));
            try (MemoryWorkspace ws = ScratchMemory.open(WORKSPACE)) {
                SequencePass pass = net.forward(theta, inputs(part, blocks.get(k).length));
                return new Heads(HostArrays.read(pass.outputs()), HostArrays.read(pass.values()));
            }
        });
        int t = data.batch().steps();
        int a = net.out();
        double[] logits = new double[t * trials.length * a];
        double[] values = new double[t * trials.length];
        int first = 0;
        for (int k = 0; k < blocks.size(); k++) {
            int m = blocks.get(k).length;
            for (int s = 0; s < t; s++) {
                System.arraycopy(parts.get(k).logits(), s * m * a, logits, (s * trials.length + first) * a, m * a);
                System.arraycopy(parts.get(k).values(), s * m, values, s * trials.length + first, m);
            }
            first += m;
        }
        return new Heads(logits, values);
    }

    /** The loss of {@code trials} at {@code theta} (forward passes only). */
    TrialLoss.Scalars loss(INDArray theta, Minibatches data, int[] trials, Loss loss) {
        int real = data.realSteps(trials);
        List<int[]> blocks = blocks(trials);
        return threads.map(blocks.size(), k -> {
            Minibatches.Part part = data.part(blocks.get(k));
            try (MemoryWorkspace ws = ScratchMemory.open(WORKSPACE)) {
                SequencePass pass = net.forward(theta, inputs(part, blocks.get(k).length));
                return loss.of(HostArrays.read(pass.outputs()), HostArrays.read(pass.values()), auxiliary(pass),
                        part.targets(), real).scalars();
            }
        }).stream().reduce(TrialLoss.Scalars.ZERO, TrialLoss.Scalars::plus);
    }

    /** The loss of {@code trials} at {@code theta} and its gradient (backpropagation through time). */
    Gradient gradient(INDArray theta, Minibatches data, int[] trials, Loss loss) {
        int real = data.realSteps(trials);
        List<int[]> blocks = blocks(trials);
        int t = data.batch().steps();
        List<Gradient> parts = threads.map(blocks.size(), k -> {
            Minibatches.Part part = data.part(blocks.get(k));
            int m = blocks.get(k).length;
            try (MemoryWorkspace ws = ScratchMemory.open(WORKSPACE)) {
                SequencePass pass = net.forward(theta, inputs(part, m));
                TrialLoss l = loss.of(HostArrays.read(pass.outputs()), HostArrays.read(pass.values()), auxiliary(pass),
                        part.targets(), real);
                INDArray g = pass.backward(HostArrays.create(l.dLogits(), net.dataType(), t, m, net.out()),
                        HostArrays.create(l.dValues(), net.dataType(), t, m), l.dAuxiliary() == null ? null
                                : HostArrays.create(l.dAuxiliary(), net.dataType(), t, m, net.auxiliary())).detach();
                return new Gradient(l.scalars(), g);
            }
        });
        return new Gradient(parts.stream().map(Gradient::loss).reduce(TrialLoss.Scalars.ZERO, TrialLoss.Scalars::plus),
                sum(parts.stream().map(Gradient::gradient).toList()));
    }

    /**
     * The Fisher product {@code F v [P]} of the policy at {@code theta} (the sampling parameters):
     * {@code F = (1/N) sum_t J_t^T (diag(p_t) - p_t p_t^T) J_t} over the real steps, with {@code J_t}
     * the Jacobian of step t's logits; the Hessian at {@code theta} of {@link TrialLoss}'s KL.
     */
    INDArray fisherTimes(INDArray theta, Minibatches data, int[] trials, INDArray v) {
        int real = data.realSteps(trials);
        List<int[]> blocks = blocks(trials);
        int t = data.batch().steps();
        int a = net.out();
        return sum(threads.map(blocks.size(), k -> {
            Minibatches.Part part = data.part(blocks.get(k));
            int m = blocks.get(k).length;
            boolean[] mask = part.targets().mask();
            try (MemoryWorkspace ws = ScratchMemory.open(WORKSPACE)) {
                SequencePass pass = net.forward(theta, inputs(part, m));
                INDArray jv = pass.tangent(v);
                double[] logits = HostArrays.read(pass.outputs());
                double[] dy = HostArrays.read(jv);
                double[] p = new double[a];
                for (int i = 0; i < mask.length; i++) {
                    if (!mask[i]) {
                        Arrays.fill(dy, i * a, (i + 1) * a, 0);
                        continue;
                    }
                    io.github.metarl4j.policy.Categorical.logSoftmax(logits, i * a, a, p);
                    double pDotU = 0;
                    for (int j = 0; j < a; j++) {
                        p[j] = Math.exp(p[j]);
                        pDotU += p[j] * dy[i * a + j];
                    }
                    for (int j = 0; j < a; j++) {
                        dy[i * a + j] = p[j] * (dy[i * a + j] - pDotU) / real;
                    }
                }
                return pass.backward(HostArrays.create(dy, net.dataType(), t, m, a),
                        Nd4j.zeros(net.dataType(), t, m), null).detach();
            }
        }));
    }

    private static double[] auxiliary(SequencePass pass) {
        return pass.auxiliary() == null ? null : HostArrays.read(pass.auxiliary());
    }

    private INDArray inputs(Minibatches.Part part, int m) {
        return HostArrays.create(part.inputs(), net.dataType(), part.targets().mask().length / m, m, net.in());
    }

    /** The blocks' vectors added in block order. */
    private INDArray sum(List<INDArray> parts) {
        INDArray total = Nd4j.zeros(net.dataType(), net.numParams());
        for (INDArray g : parts) {
            total.addi(g);
        }
        return total;
    }
}
