package io.github.metarl4j.algo.rl2;

import io.github.metarl4j.advantage.Advantages;
import io.github.metarl4j.algo.InContextPolicy;
import io.github.metarl4j.algo.MetaStepReport;
import io.github.metarl4j.algo.Metric;
import io.github.metarl4j.algo.ParametricLearner;
import io.github.metarl4j.data.HostArrays;
import io.github.metarl4j.data.TrialBatch;
import io.github.metarl4j.env.TaskFamily;
import io.github.metarl4j.nn.ScratchMemory;
import io.github.metarl4j.nn.SequenceModel;
import io.github.metarl4j.nn.SequencePass;
import io.github.metarl4j.optim.AdamOptimizer;
import io.github.metarl4j.policy.Categorical;
import io.github.metarl4j.sampler.Sampler;
import io.github.metarl4j.sampler.TrialPolicyData;
import io.github.metarl4j.task.Task;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * RL^2 (Duan et al. 2016) trained with PPO: each meta-step plays one trial of
 * {@code episodesPerTrial} episodes on each task with the current policy, computes GAE over the
 * trials with the value head, then runs {@code ppo.epochs} epochs of Adam steps on the clipped
 * surrogate, each over {@code minibatches} minibatches of whole trials (BPTT through each trial).
 * Its parameters are replaced at each step, never mutated in place; its state is the parameters
 * and Adam's moments and step count.
 */
public final class Rl2 extends ParametricLearner {

    private static final String WORKSPACE = "rl2-update";

    private final Rl2Config config;
    private final SequenceModel net;
    private final Sampler sampler;

    /**
     * A learner at {@code theta0}.
     *
     * @param config the trial length, discount, GAE, PPO and loss settings
     * @param net    the sequence model (the GRU, or any other): its input width and action count
     * @param theta0  the initial parameters, a flat vector of {@code net}'s length (not copied)
     * @param sampler runs the trials (the caller closes it)
     */
    public Rl2(Rl2Config config, SequenceModel net, INDArray theta0, Sampler sampler) {
        super(checked(net, theta0).dup(), Optional.of(new AdamOptimizer(config.ppo().learningRate(),
                net.numParams(), net.dataType())));
        this.config = config;
        this.net = net;
        this.sampler = sampler;
    }

    private static INDArray checked(SequenceModel net, INDArray theta0) {
        net.checkParameters(theta0, "initial parameters");
        return theta0;
    }

    /** The policy at the current parameters. */
    public TrialPolicyData policy() {
        return new TrialPolicyData(new Rl2PolicySpec(net), HostArrays.read(parameters()));
    }

    /** The policy at the current parameters, adapting in its hidden state over a trial. */
    @Override
    public InContextPolicy explorationPolicy() {
        return new InContextPolicy(policy());
    }

    /** The policy's mean entropy over the batch's real steps after the update. */
    public static final Metric ENTROPY = new Metric("entropy", Metric.Kind.REAL, "nats", true,
            "mean policy entropy after the update");
    /** PPO's clip fraction after the update (Schulman et al. 2017). */
    public static final Metric CLIP_FRACTION = new Metric("clip_fraction", Metric.Kind.REAL, "", true,
            "fraction of steps whose probability ratio left [1 - clip, 1 + clip] after the update");
    /** How much of the returns' variance the value head explained before the update. */
    public static final Metric EXPLAINED_VARIANCE = new Metric("explained_variance", Metric.Kind.REAL, "", false,
            "1 - Var(R - V) / Var(R) over the batch's steps, before the update");

    private static final List<Metric> METRICS = java.util.stream.Stream.concat(Metric.POLICY_GRADIENT.stream(),
            java.util.stream.Stream.of(ENTROPY, CLIP_FRACTION, EXPLAINED_VARIANCE)).toList();

    /**
     * The policy-gradient columns ({@link Metric#POLICY_GRADIENT}: the PPO loss before and after
     * the epochs, their mean KL and first gradient norm; always accepted, no backtracks, and the
     * advantages' time counted in the outer step), then the update's diagnostics: {@link #ENTROPY},
     * {@link #CLIP_FRACTION} and {@link #EXPLAINED_VARIANCE}.
     */
    @Override
    public List<Metric> metrics() {
        return METRICS;
    }

    /**
     * One PPO iteration on one trial per task. Its report's returns are the mean return of the
     * trials' first episode (before) and of their last (after): what the policy learned in context.
     *
     * @throws IllegalArgumentException if the family's actions are not discrete or its trials do not
     *                                  fit the network
     */
    @Override
    public <T extends Task, O, A> MetaStepReport metaStep(TaskFamily<T, O, A> family, List<T> tasks,
                                                          RandomGenerator rng) {
        INDArray theta = parameters();
        long t0 = System.nanoTime();
        TrialBatch batch = sampler.sampleTrials(family, tasks, config.episodesPerTrial(), policy(), rng);
        long t1 = System.nanoTime();
        int steps = batch.steps();
        int trials = batch.trials();
        double[] oldLogits;
        double[] values;
        double gradientNorm;
        double[] oldLogProb;
        double[] advantages;
        TrialAdvantages adv;
        TrialLoss lossBefore;
        try (MemoryWorkspace ws = ScratchMemory.open(WORKSPACE)) {
            SequencePass before = net.forward(theta, array(batch.inputs(), steps, trials, net.in()));
            oldLogits = HostArrays.read(before.outputs());
            values = HostArrays.read(before.values());
            oldLogProb = logProbs(oldLogits, batch.actions(), net.out());
            adv = TrialAdvantages.of(batch, values, config.gamma(), config.gaeLambda());
            advantages = Advantages.standardize(adv.advantages(), unitWeights(batch.mask()), new int[steps * trials],
                    1);
            lossBefore = loss(oldLogits, values, batch.actions(), oldLogProb, oldLogits, advantages, adv.returns(),
                    batch.mask());
            gradientNorm = before.backward(array(lossBefore.dLogits(), steps, trials, net.out()),
                    array(lossBefore.dValues(), steps, trials)).norm2Number().doubleValue();
        }
        Minibatches minibatches = new Minibatches(batch, oldLogits, oldLogProb, advantages, adv.returns(), net.out());
        for (int epoch = 0; epoch < config.ppo().epochs(); epoch++) {
            for (int[] trialsOfMb : minibatches.split(config.minibatches(), rng)) {
                Minibatches.Part part = minibatches.part(trialsOfMb);
                INDArray grad;
                try (MemoryWorkspace ws = ScratchMemory.open(WORKSPACE)) {
                    SequencePass pass = net.forward(theta, array(part.inputs(), steps, trialsOfMb.length, net.in()));
                    TrialLoss l = loss(HostArrays.read(pass.outputs()), HostArrays.read(pass.values()), part.actions(),
                            part.oldLogProb(), part.oldLogits(), part.advantages(), part.returns(), part.mask());
                    grad = pass.backward(array(l.dLogits(), steps, trialsOfMb.length, net.out()),
                            array(l.dValues(), steps, trialsOfMb.length)).detach();
                }
                theta = adam().step(theta, grad);
            }
        }
        TrialLoss lossAfter;
        try (MemoryWorkspace ws = ScratchMemory.open(WORKSPACE)) {
            SequencePass after = net.forward(theta, array(batch.inputs(), steps, trials, net.in()));
            lossAfter = loss(HostArrays.read(after.outputs()), HostArrays.read(after.values()), batch.actions(),
                    oldLogProb, oldLogits, advantages, adv.returns(), batch.mask());
        }
        replace(theta);
        long t2 = System.nanoTime();
        double[] episodeReturns = firstAndLastEpisodeReturns(batch);
        return MetaStepReport.builder(metrics())
                .set(Metric.RETURN_BEFORE, episodeReturns[0])
                .set(Metric.RETURN_AFTER, episodeReturns[1])
                .set(Metric.OBJECTIVE_BEFORE, lossBefore.value())
                .set(Metric.OBJECTIVE_AFTER, lossAfter.value())
                .set(Metric.KL, lossAfter.meanKl())
                .set(Metric.GRADIENT_NORM, gradientNorm)
                .set(Metric.ACCEPTED, true)
                .set(Metric.BACKTRACKS, 0)
                .set(Metric.ENV_STEPS, batch.totalSteps())
                .set(Metric.SAMPLING_S, (t1 - t0) / 1e9)
                .set(Metric.ADAPTATION_S, 0)
                .set(Metric.OUTER_S, (t2 - t1) / 1e9)
                .set(ENTROPY, lossAfter.meanEntropy())
                .set(CLIP_FRACTION, lossAfter.clipFraction())
                .set(EXPLAINED_VARIANCE, explainedVariance(adv.returns(), values, batch.mask())).build();
    }

    /** Nothing to release: RL^2 runs on the caller's thread. */
    @Override
    public void close() {
    }

    private TrialLoss loss(double[] logits, double[] values, int[] actions, double[] oldLogProb, double[] oldLogits,
                           double[] advantages, double[] returns, boolean[] mask) {
        return TrialLoss.of(logits, values, actions, oldLogProb, oldLogits, advantages, returns, mask,
                config.ppo().clip(), config.valueCoef(), config.entropyCoef());
    }

    private INDArray array(double[] values, long... shape) {
        return HostArrays.create(values, net.dataType(), shape);
    }

    static double[] logProbs(double[] logits, int[] actions, int a) {
        double[] out = new double[actions.length];
        double[] logP = new double[a];
        for (int i = 0; i < actions.length; i++) {
            Categorical.logSoftmax(logits, i * a, a, logP);
            out[i] = logP[actions[i]];
        }
        return out;
    }

    /** Weight 1 on every valid step, 0 on padding: RL^2 normalises over steps. */
    private static double[] unitWeights(boolean[] mask) {
        double[] w = new double[mask.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = mask[i] ? 1 : 0;
        }
        return w;
    }

    /**
     * {@code 1 - Var(R - V) / Var(R)} over the real steps (population variances): 1 for a value head
     * that predicts the returns, 0 for one no better than their mean; NaN when the returns are constant.
     */
    static double explainedVariance(double[] returns, double[] values, boolean[] mask) {
        double n = 0;
        double sumR = 0;
        double sumD = 0;
        for (int i = 0; i < mask.length; i++) {
            if (mask[i]) {
                n++;
                sumR += returns[i];
                sumD += returns[i] - values[i];
            }
        }
        double varR = 0;
        double varD = 0;
        for (int i = 0; i < mask.length; i++) {
            if (mask[i]) {
                double r = returns[i] - sumR / n;
                double d = returns[i] - values[i] - sumD / n;
                varR += r * r;
                varD += d * d;
            }
        }
        return varR == 0 ? Double.NaN : 1 - varD / varR;
    }

    /** The mean return of the trials' first episodes and of their last episodes. */
    private double[] firstAndLastEpisodeReturns(TrialBatch batch) {
        int n = config.episodesPerTrial();
        double first = 0;
        double last = 0;
        for (double[] trial : batch.episodeReturns(n)) {
            first += trial[0];
            last += trial[n - 1];
        }
        return new double[] {first / batch.trials(), last / batch.trials()};
    }
}
