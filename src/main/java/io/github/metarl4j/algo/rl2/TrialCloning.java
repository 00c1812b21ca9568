package io.github.metarl4j.algo.rl2;

import io.github.metarl4j.data.HostArrays;
import io.github.metarl4j.data.TrialBatch;
import io.github.metarl4j.env.TaskFamily;
import io.github.metarl4j.nn.SequenceModel;
import io.github.metarl4j.nn.ScratchMemory;
import io.github.metarl4j.nn.SequencePass;
import io.github.metarl4j.optim.AdamOptimizer;
import io.github.metarl4j.optim.LearningRate;
import io.github.metarl4j.policy.Categorical;
import io.github.metarl4j.sampler.Sampler;
import io.github.metarl4j.sampler.TrialPolicy;
import io.github.metarl4j.task.Task;
import java.util.function.ObjIntConsumer;
import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Behaviour cloning of a teacher's trials into RL^2's recurrent network, from the inputs RL^2 sees
 * (observation, previous action, reward, episode-end flag): a diagnosis of RL^2 (Duan et al. 2016).
 * If the clone of a reference agent (PSRL, greedy) reaches the agent's score, the network's
 * capacity and inputs suffice and a shortfall of RL^2 lies in its optimisation; if not, in the
 * inputs or the network. Each Adam step draws a fresh batch of the teacher's trials on tasks of the
 * training split and descends the mean negative log-likelihood of the teacher's actions over the
 * real steps; the value head is not trained.
 */
public final class TrialCloning {

    /** The passes' scratch workspace (their arrays are freed when it closes, not by the collector). */
    private static final String WORKSPACE = "rl2-cloning";

    private TrialCloning() {
    }

    /**
     * The mean negative log-likelihood of {@code actions} under {@code logits} over the real steps, and
     * its derivative in the logits.
     *
     * @param nll     {@code -(1 / N) sum_{real steps} log softmax(logits)[action]}
     * @param dLogits {@code [T * B * A]}: {@code (softmax - onehot(action)) / N} on real steps, 0 elsewhere
     */
    public record Loss(double nll, double[] dLogits) {

        /**
         * Evaluates the loss.
         *
         * @param logits  {@code [T * B * A]}
         * @param actions {@code [T * B]}
         * @param mask    {@code [T * B]}, true on real steps
         * @param a       A, the number of actions
         * @throws IllegalArgumentException if the lengths disagree or no step is real
         */
        public static Loss of(double[] logits, int[] actions, boolean[] mask, int a) {
            if (logits.length != actions.length * a || mask.length != actions.length) {
                throw new IllegalArgumentException("expected logits [N * " + a + "], actions [N] and mask [N], got "
                        + logits.length + ", " + actions.length + " and " + mask.length);
            }
            int n = 0;
            for (boolean m : mask) {
                n += m ? 1 : 0;
            }
            if (n == 0) {
                throw new IllegalArgumentException("no real step to clone");
            }
            double[] d = new double[logits.length];
            double[] logP = new double[a];
            double nll = 0;
            for (int i = 0; i < actions.length; i++) {
                if (!mask[i]) {
                    continue;
                }
                Categorical.logSoftmax(logits, i * a, a, logP);
                nll -= logP[actions[i]] / n;
                for (int j = 0; j < a; j++) {
                    d[i * a + j] = Math.exp(logP[j]) / n;
                }
                d[i * a + actions[i]] -= 1.0 / n;
            }
            return new Loss(nll, d);
        }
    }

    /**
     * Clones {@code teacher} into {@code net}: {@code steps} Adam steps, each on a fresh batch of
     * {@code trials} teacher trials of {@code episodesPerTrial} episodes on tasks of the training split.
     *
     * @param progress told the parameters and the step's index (from 0) after each step, for a progress line
     * @return the cloned parameters {@code [P]}
     */
    public static <T extends Task, O> INDArray train(SequenceModel net, INDArray theta, TrialPolicy teacher,
                                                     TaskFamily<T, O, ?> family, int episodesPerTrial, int trials,
                                                     int steps, double learningRate, Sampler sampler,
                                                     RandomGenerator rng,
                                                     ObjIntConsumer<INDArray> progress) {
        AdamOptimizer adam = new AdamOptimizer(LearningRate.constant(learningRate), theta.length(), theta.dataType());
        INDArray current = theta;
        for (int step = 0; step < steps; step++) {
            TrialBatch batch = sampler.sampleTrials(family, family.tasks().train().sample(trials, rng),
                    episodesPerTrial, teacher, rng);
            current = adam.step(current, gradient(net, current, batch));
            progress.accept(current, step);
        }
        return current;
    }

    /** The gradient of the cloning loss of {@code batch} at {@code theta}, {@code [P]}. */
    public static INDArray gradient(SequenceModel net, INDArray theta, TrialBatch batch) {
        int t = batch.steps();
        int b = batch.trials();
        try (MemoryWorkspace ws = ScratchMemory.open(WORKSPACE)) {
            SequencePass pass = net.forward(theta, HostArrays.create(batch.inputs(), net.dataType(), t, b, net.in()));
            Loss loss = Loss.of(HostArrays.read(pass.outputs()), batch.actions(), batch.mask(), net.out());
            return pass.backward(HostArrays.create(loss.dLogits(), net.dataType(), t, b, net.out()),
                    Nd4j.zeros(net.dataType(), t, b), null).detach();
        }
    }

    /** The cloning loss of {@code batch} at {@code theta}. */
    public static Loss loss(SequenceModel net, INDArray theta, TrialBatch batch) {
        try (MemoryWorkspace ws = ScratchMemory.open(WORKSPACE)) {
            SequencePass pass = net.forward(theta, HostArrays.create(batch.inputs(), net.dataType(), batch.steps(),
                    batch.trials(), net.in()));
            return Loss.of(HostArrays.read(pass.outputs()), batch.actions(), batch.mask(), net.out());
        }
    }
}
