package io.github.metarl4j.examples;

import io.github.metarl4j.algo.cql.CqlLoss;
import io.github.metarl4j.data.HostArrays;
import io.github.metarl4j.nn.Activation;
import io.github.metarl4j.nn.Mlp;
import io.github.metarl4j.nn.MlpPass;
import io.github.metarl4j.nn.Scratch;
import io.github.metarl4j.optim.AdamOptimizer;
import io.github.metarl4j.optim.LearningRate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

/**
 * One CQL gradient step on the grid world's Q-network shape (81 one-hot inputs, 64 tanh units, 4
 * outputs, minibatches of 64) with the library's {@link Mlp} and with DL4J layers (a
 * {@code MultiLayerNetwork} of two dense layers trained from external errors, its own Adam), side
 * by side in one JVM: the target network's forward pass on the next observations, the forward pass,
 * the CQL(H) loss and its derivative in Q ({@link CqlLoss}, shared), backpropagation and the Adam
 * update. First checks that both compute the same Q values and gradient from the same parameters
 * (the largest absolute difference is printed), then times 5 rounds of 2000 steps after 2000 of
 * warm-up, in double and in float, and prints the median microseconds per step.
 *
 * <pre>QNetworkBenchmark [--steps N]</pre>
 */
public final class QNetworkBenchmark {

    private static final int IN = 81;
    private static final int HIDDEN = 64;
    private static final int OUT = 4;
    private static final int M = 64;

    private QNetworkBenchmark() {
    }

    /** One way to take the step. */
    private interface Stepper {
        void step(double[] obs, double[] next, int[] actions, double[] rewards);
    }

    public static void main(String[] args) {
        int steps = BenchmarkArgs.intArg(args, "--steps", 2000);
        SplittableRandom rng = new SplittableRandom(1);
        double[] obs = oneHot(rng);
        double[] next = oneHot(rng);
        int[] actions = rng.ints(M, 0, OUT).toArray();
        double[] rewards = rng.doubles(M, -0.01, 1).toArray();
        Mlp mlp = new Mlp(IN, new int[] {HIDDEN}, OUT, Activation.TANH, DataType.DOUBLE);
        INDArray theta = mlp.initialParameters(new SplittableRandom(2));
        MultiLayerNetwork dl4j = dl4j(DataType.DOUBLE, 0.005);
        copy(theta.toDoubleVector(), dl4j);
        System.out.printf(Locale.ROOT, "same parameters, double: largest |Q difference| %.2e, largest |gradient "
                + "difference| %.2e%n", qDifference(mlp, theta, dl4j, obs), gradientDifference(mlp, theta, dl4j, obs,
                actions, rewards));
        System.out.printf(Locale.ROOT, "%-8s %-42s %s%n", "type", "network", "microseconds per CQL step (median of 5 x "
                + steps + ")");
        for (DataType type : List.of(DataType.DOUBLE, DataType.FLOAT)) {
            Mlp net = new Mlp(IN, new int[] {HIDDEN}, OUT, Activation.TANH, type);
            System.out.printf(Locale.ROOT, "%-8s %-42s %.1f%n", type, "library Mlp (flat parameters)",
                    time(library(net, net.initialParameters(new SplittableRandom(2))), steps, obs, next, actions,
                            rewards));
            System.out.printf(Locale.ROOT, "%-8s %-42s %.1f%n", type, "DL4J MultiLayerNetwork (external errors)",
                    time(dl4jStepper(dl4j(type, 0.005)), steps, obs, next, actions, rewards));
        }
    }

    private static double time(Stepper stepper, int steps, double[] obs, double[] next, int[] actions,
                               double[] rewards) {
        for (int i = 0; i < steps; i++) {
            stepper.step(obs, next, actions, rewards);
        }
        double[] rounds = new double[5];
        for (int r = 0; r < rounds.length; r++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < steps; i++) {
                stepper.step(obs, next, actions, rewards);
            }
            rounds[r] = (System.nanoTime() - t0) / 1e3 / steps;
        }
        return BenchmarkArgs.median(rounds);
    }

    /** The library's step, as {@code ConservativeQLearning} takes it. */
    private static Stepper library(Mlp net, INDArray theta0) {
        Scratch scratch = new Scratch();
        AdamOptimizer adam = new AdamOptimizer(LearningRate.constant(0.005), theta0.length(), theta0.dataType());
        INDArray[] theta = {theta0};
        INDArray target = theta0.dup();
        return (obs, next, actions, rewards) -> {
            double[] y;
            try (Scratch.Lease lease = scratch.lease()) {
                y = targets(HostArrays.read(net.forward(target, HostArrays.create(next, net.dataType(), M, IN),
                        scratch).output()), rewards);
            }
            try (Scratch.Lease lease = scratch.lease()) {
                MlpPass pass = net.forward(theta[0], HostArrays.create(obs, net.dataType(), M, IN), scratch);
                CqlLoss loss = CqlLoss.of(HostArrays.read(pass.output()), actions, y, 1.0);
                theta[0] = adam.step(theta[0], pass.vjp(HostArrays.create(loss.dq(), net.dataType(), M, OUT)));
            }
        };
    }

    /** The same step with DL4J layers: external errors into {@code backpropGradient}, DL4J's Adam. */
    private static Stepper dl4jStepper(MultiLayerNetwork net) {
        MultiLayerNetwork target = net.clone();
        DataType type = net.params().dataType();
        return (obs, next, actions, rewards) -> {
            double[] y = targets(HostArrays.read(target.output(Nd4j.create(next, new long[] {M, IN}, 'c')
                    .castTo(type))), rewards);
            INDArray q = forward(net, Nd4j.create(obs, new long[] {M, IN}, 'c').castTo(type));
            CqlLoss loss = CqlLoss.of(HostArrays.read(q), actions, y, 1.0);
            Pair<Gradient, INDArray> p = net.backpropGradient(Nd4j.create(loss.dq(), new long[] {M, OUT}, 'c')
                    .castTo(type), LayerWorkspaceMgr.noWorkspaces());
            net.getUpdater().update(net, p.getFirst(), 0, 0, M, LayerWorkspaceMgr.noWorkspaces());
            net.params().subi(p.getFirst().gradient());
        };
    }

    private static INDArray forward(MultiLayerNetwork net, INDArray x) {
        net.setInput(x);
        List<INDArray> activations = net.feedForward(true, false);
        return activations.get(activations.size() - 1);
    }

    private static MultiLayerNetwork dl4j(DataType type, double learningRate) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(2).dataType(type)
                .updater(new Adam(learningRate)).miniBatch(false).list()
                .layer(new DenseLayer.Builder().nIn(IN).nOut(HIDDEN)
                        .activation(org.nd4j.linalg.activations.Activation.TANH).build())
                .layer(new DenseLayer.Builder().nIn(HIDDEN).nOut(OUT)
                        .activation(org.nd4j.linalg.activations.Activation.IDENTITY).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    /** The library's layout (W row-major [in, out], then b, per layer) into DL4J's layers. */
    private static void copy(double[] theta, MultiLayerNetwork net) {
        int[] sizes = {IN, HIDDEN, OUT};
        int at = 0;
        for (int l = 0; l < 2; l++) {
            int in = sizes[l];
            int out = sizes[l + 1];
            net.setParam(l + "_W", Nd4j.create(Arrays.copyOfRange(theta, at, at + in * out), new long[] {in, out},
                    'c').castTo(net.params().dataType()));
            at += in * out;
            net.setParam(l + "_b", Nd4j.create(Arrays.copyOfRange(theta, at, at + out), new long[] {1, out}, 'c')
                    .castTo(net.params().dataType()));
            at += out;
        }
    }

    private static double qDifference(Mlp mlp, INDArray theta, MultiLayerNetwork net, double[] obs) {
        Scratch scratch = new Scratch();
        try (Scratch.Lease lease = scratch.lease()) {
            double[] a = HostArrays.read(mlp.forward(theta, HostArrays.create(obs, DataType.DOUBLE, M, IN), scratch)
                    .output());
            double[] b = HostArrays.read(forward(net, Nd4j.create(obs, new long[] {M, IN}, 'c')));
            return maxDiff(a, b);
        }
    }

    /** The two gradients of the CQL loss (targets fixed at 0.5), compared in the library's layout. */
    private static double gradientDifference(Mlp mlp, INDArray theta, MultiLayerNetwork net, double[] obs,
                                             int[] actions, double[] rewards) {
        double[] y = new double[M];
        Arrays.fill(y, 0.5);
        Scratch scratch = new Scratch();
        double[] a;
        try (Scratch.Lease lease = scratch.lease()) {
            MlpPass pass = mlp.forward(theta, HostArrays.create(obs, DataType.DOUBLE, M, IN), scratch);
            CqlLoss loss = CqlLoss.of(HostArrays.read(pass.output()), actions, y, 1.0);
            a = HostArrays.read(pass.vjp(HostArrays.create(loss.dq(), DataType.DOUBLE, M, OUT)));
        }
        INDArray q = forward(net, Nd4j.create(obs, new long[] {M, IN}, 'c'));
        CqlLoss loss = CqlLoss.of(HostArrays.read(q), actions, y, 1.0);
        Gradient g = net.backpropGradient(Nd4j.create(loss.dq(), new long[] {M, OUT}, 'c'),
                LayerWorkspaceMgr.noWorkspaces()).getFirst();
        double[] b = new double[a.length];
        int at = 0;
        for (String key : new String[] {"0_W", "0_b", "1_W", "1_b"}) {
            double[] part = HostArrays.read(g.getGradientFor(key).dup('c'));
            System.arraycopy(part, 0, b, at, part.length);
            at += part.length;
        }
        return maxDiff(a, b);
    }

    private static double[] targets(double[] qNext, double[] rewards) {
        double[] y = new double[M];
        for (int i = 0; i < M; i++) {
            double best = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < OUT; j++) {
                best = Math.max(best, qNext[i * OUT + j]);
            }
            y[i] = rewards[i] + 0.99 * best;
        }
        return y;
    }

    private static double[] oneHot(SplittableRandom rng) {
        double[] x = new double[M * IN];
        for (int i = 0; i < M; i++) {
            x[i * IN + rng.nextInt(IN)] = 1;
        }
        return x;
    }

    private static double maxDiff(double[] a, double[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d = Math.max(d, Math.abs(a[i] - b[i]));
        }
        return d;
    }
}
