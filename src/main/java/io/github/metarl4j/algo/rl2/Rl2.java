package io.github.metarl4j.algo.rl2;

import io.github.metarl4j.advantage.Advantages;
import io.github.metarl4j.algo.InContextPolicy;
import io.github.metarl4j.algo.MetaStepReport;
import io.github.metarl4j.algo.Metric;
import io.github.metarl4j.algo.ParametricLearner;
import io.github.metarl4j.data.HostArrays;
import io.github.metarl4j.data.TrialBatch;
import io.github.metarl4j.env.TaskFamily;
import io.github.metarl4j.nn.SequenceModel;
import io.github.metarl4j.optim.AdamOptimizer;
import io.github.metarl4j.optim.OuterOptimizer;
import io.github.metarl4j.optim.Trpo;
import io.github.metarl4j.policy.Categorical;
import io.github.metarl4j.sampler.Sampler;
import io.github.metarl4j.sampler.TaskThreads;
import io.github.metarl4j.sampler.TrialInputs;
import io.github.metarl4j.sampler.TrialPolicyData;
import io.github.metarl4j.task.Task;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * RL^2 (Duan et al. 2016): each meta-step plays one trial of {@code episodesPerTrial} episodes on
 * each task with the current policy, computes GAE over the trials with the value head, then updates
 * the network by backpropagation through each whole trial with {@code outer}:
 * <ul>
 *   <li>PPO: {@code ppo.epochs} epochs of Adam steps on the clipped surrogate, each over
 *       {@code minibatches} minibatches of whole trials, every gradient scaled to at most
 *       {@code maxGradNorm}, stopping at the first minibatch whose KL exceeds {@code targetKl};</li>
 *   <li>TRPO (the paper's): one trust-region step on the whole batch ({@link Trpo}), its curvature
 *       the Fisher of the policy and of the value head read as a Gaussian of the returns' variance
 *       ({@link TrialTrustRegion}).</li>
 * </ul>
 * The passes run in blocks of trials on the sampler's thread count ({@link TrialPasses}), with the
 * same results for any count. Its parameters are replaced at each step, never mutated in place; its
 * state is the parameters and Adam's moments and step count.
 */
public final class Rl2 extends ParametricLearner {

    private final Rl2Config config;
    private final SequenceModel net;
    private final Sampler sampler;
    private final TaskThreads threads;
    private final TrialPasses passes;

    /**
     * A learner at {@code theta0}.
     *
     * @param config the trial length, discount, GAE, PPO and loss settings
     * @param net    the sequence model (the GRU, or any other): its input width and action count
     * @param theta0  the initial parameters, a flat vector of {@code net}'s length (not copied)
     * @param sampler runs the trials (the caller closes it)
     */
    public Rl2(Rl2Config config, SequenceModel net, INDArray theta0, Sampler sampler) {
        super(checked(config, net, theta0).dup(), Optional.of(new AdamOptimizer(config.ppo().learningRate(
                config.ppo().epochs() * config.minibatches()),
                net.numParams(), net.dataType())));
        this.config = config;
        this.net = net;
        this.sampler = sampler;
        this.threads = new TaskThreads(sampler.threads());
        this.passes = new TrialPasses(net, threads);
    }

    private static INDArray checked(Rl2Config config, SequenceModel net, INDArray theta0) {
        net.checkParameters(theta0, "initial parameters");
        if (net.auxiliary() != config.auxiliaryWidth(net.out())) {
            throw new IllegalArgumentException("rewardCoef " + config.rewardCoef() + " needs a network whose auxiliary"
                    + " head has width " + config.auxiliaryWidth(net.out()) + ", got " + net.auxiliary());
        }
        return theta0;
    }

    /** The policy at the current parameters. */
    public TrialPolicyData policy() {
        return new TrialPolicyData(new Rl2PolicySpec(net, config.inputs(), 1.0), HostArrays.read(parameters()));
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

    /** The auxiliary head's mean squared error of the rewards after the update (0 without one). */
    public static final Metric REWARD_ERROR = new Metric("reward_error", Metric.Kind.REAL, "", true,
            "auxiliary head's mean squared error of the taken actions' rewards after the update (0: no head)");

    /** Parameter updates in the step: PPO's Adam steps (fewer than epochs x minibatches when the KL stop fired), TRPO's 1 or 0. */
    public static final Metric UPDATES = new Metric("updates", Metric.Kind.INTEGER, "", false,
            "parameter updates: PPO's Adam steps (fewer when the KL stop fired), TRPO's 1 when accepted");

    private static final List<Metric> METRICS = java.util.stream.Stream.concat(Metric.POLICY_GRADIENT.stream(),
            java.util.stream.Stream.of(ENTROPY, CLIP_FRACTION, EXPLAINED_VARIANCE, UPDATES, REWARD_ERROR)).toList();

    /**
     * The policy-gradient columns ({@link Metric#POLICY_GRADIENT}: the PPO loss before and after
     * the epochs, their mean KL and first gradient norm; always accepted, no backtracks, and the
     * advantages' time counted in the outer step), then the update's diagnostics: {@link #ENTROPY},
     * {@link #CLIP_FRACTION}, {@link #EXPLAINED_VARIANCE}, {@link #UPDATES} and {@link #REWARD_ERROR}.
     */
    @Override
    public List<Metric> metrics() {
        return METRICS;
    }

    /**
     * One update on one trial per task: PPO's epochs or one TRPO step. Its report's returns are the
     * mean return of the trials' first episode (before) and of their last (after): what the policy
     * learned in context.
     *
     * @throws IllegalArgumentException if the family's actions are not discrete or its trials do not
     *                                  fit the network
     */
    @Override
    public <T extends Task, O, A> MetaStepReport metaStep(TaskFamily<T, O, A> family, List<T> tasks,
                                                          RandomGenerator rng) {
        INDArray theta = parameters();
        long t0 = System.nanoTime();
        TrialBatch rows = sampler.sampleTrials(family, tasks, config.episodesPerTrial(), policy(), rng);
        TrialBatch batch = config.inputs().widen(rows, new TrialInputs(rows.width() - net.out() - 2, net.out()));
        long t1 = System.nanoTime();
        Minibatches data = new Minibatches(batch, net.out());
        int[] all = data.all();
        TrialPasses.Heads old = passes.forward(theta, data, all);
        double[] oldLogProb = logProbs(old.logits(), batch.actions(), net.out());
        TrialAdvantages adv = TrialAdvantages.of(batch, old.values(), config.gamma(), config.gaeLambda());
        double[] advantages = Advantages.standardize(adv.advantages(), unitWeights(batch.mask()),
                new int[batch.steps() * batch.trials()], 1);
        data = data.withTargets(old.logits(), oldLogProb, advantages, adv.returns());
        boolean trpo = config.outer() == OuterOptimizer.TRPO;
        // TRPO (the paper's) constrains and moves the policy only; the value head is fitted apart
        TrialLoss.Weights weights = new TrialLoss.Weights(trpo ? Double.POSITIVE_INFINITY : config.ppo().clip(),
                trpo ? 0 : config.valueCoef(), config.entropyCoef(), config.rewardCoef());
        TrialPasses.Loss loss = (logits, values, aux, targets, real) -> TrialLoss.of(logits, values, aux, targets,
                weights, real);
        TrialPasses.Gradient before = passes.gradient(theta, data, all, loss);
        Update update = trpo ? trpoStep(theta, data, all, loss, before, rng) : ppoEpochs(theta, data, loss, rng);
        TrialLoss.Scalars after = passes.loss(update.theta(), data, all, loss);
        replace(update.theta());
        long t2 = System.nanoTime();
        double[] episodeReturns = firstAndLastEpisodeReturns(batch);
        return MetaStepReport.builder(metrics())
                .set(Metric.RETURN_BEFORE, episodeReturns[0])
                .set(Metric.RETURN_AFTER, episodeReturns[1])
                .set(Metric.OBJECTIVE_BEFORE, before.loss().value())
                .set(Metric.OBJECTIVE_AFTER, after.value())
                .set(Metric.KL, after.meanKl())
                .set(Metric.GRADIENT_NORM, before.gradient().norm2Number().doubleValue())
                .set(Metric.ACCEPTED, update.accepted())
                .set(Metric.BACKTRACKS, update.backtracks())
                .set(Metric.ENV_STEPS, batch.totalSteps())
                .set(Metric.SAMPLING_S, (t1 - t0) / 1e9)
                .set(Metric.ADAPTATION_S, 0)
                .set(Metric.OUTER_S, (t2 - t1) / 1e9)
                .set(ENTROPY, after.meanEntropy())
                .set(CLIP_FRACTION, after.clipFraction())
                .set(EXPLAINED_VARIANCE, explainedVariance(adv.returns(), old.values(), batch.mask()))
                .set(UPDATES, update.steps())
                .set(REWARD_ERROR, after.rewardError()).build();
    }

    /** An update's outcome: the new parameters, whether they moved, line-search backtracks, parameter updates. */
    private record Update(INDArray theta, boolean accepted, int backtracks, int steps) {
    }

    /**
     * PPO's epochs of Adam steps over minibatches of whole trials, each gradient scaled to at most
     * {@code maxGradNorm}; they stop at the first minibatch whose KL from the sampling policy exceeds
     * {@code targetKl}.
     */
    private Update ppoEpochs(INDArray theta0, Minibatches data, TrialPasses.Loss loss, RandomGenerator rng) {
        INDArray theta = theta0;
        int steps = 0;
        for (int epoch = 0; epoch < config.ppo().epochs(); epoch++) {
            for (int[] minibatch : data.split(config.minibatches(), rng)) {
                TrialPasses.Gradient g = passes.gradient(theta, data, minibatch, loss);
                if (config.targetKl() > 0 && g.loss().meanKl() > config.targetKl()) {
                    return new Update(theta, true, 0, steps);
                }
                INDArray grad = g.gradient();
                if (config.maxGradNorm() > 0) {
                    double norm = grad.norm2Number().doubleValue();
                    if (norm > config.maxGradNorm()) {
                        grad.muli(config.maxGradNorm() / norm);
                    }
                }
                theta = adam().step(theta, grad);
                steps++;
            }
        }
        return new Update(theta, true, 0, steps);
    }

    /**
     * One TRPO step on the whole batch on the policy's loss under the policy's KL, then the value
     * head's own parameters ({@link SequenceModel#valueParameters}) fitted to the returns by PPO's
     * schedule of Adam steps (epochs of minibatches) on {@code valueCoef (V - R)^2}, which leaves
     * the policy as the step left it.
     */
    private Update trpoStep(INDArray theta, Minibatches data, int[] all, TrialPasses.Loss loss,
                            TrialPasses.Gradient before, RandomGenerator rng) {
        Trpo.Result r = new Trpo(config.trpo()).step(new TrialTrustRegion(passes, data, all, theta, loss,
                before.gradient()), theta);
        TrialLoss.Weights valueOnly = new TrialLoss.Weights(Double.POSITIVE_INFINITY, config.valueCoef(), 0, 0);
        Minibatches values = data.withoutAdvantages();
        TrialPasses.Loss valueLoss = (logits, v, aux, targets, real) -> TrialLoss.of(logits, v, aux, targets,
                valueOnly, real);
        long[] range = net.valueParameters();
        INDArray mask = Nd4j.zeros(net.dataType(), net.numParams());
        mask.get(NDArrayIndex.interval(range[0], range[1])).assign(1);
        INDArray fitted = r.theta();
        for (int epoch = 0; epoch < config.ppo().epochs(); epoch++) {
            for (int[] minibatch : values.split(config.minibatches(), rng)) {
                fitted = adam().step(fitted, passes.gradient(fitted, values, minibatch, valueLoss).gradient().muli(mask));
            }
        }
        return new Update(fitted, r.accepted(), r.backtracks(), r.accepted() ? 1 : 0);
    }

    /** Releases the passes' threads. */
    @Override
    public void close() {
        threads.close();
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
