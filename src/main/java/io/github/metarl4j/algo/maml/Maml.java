package io.github.metarl4j.algo.maml;

import io.github.metarl4j.advantage.Advantages;
import io.github.metarl4j.algo.AdaptablePolicy;
import io.github.metarl4j.baseline.LinearFeatureBaseline;
import io.github.metarl4j.data.EpisodeBatch;
import io.github.metarl4j.env.TaskFamily;
import io.github.metarl4j.optim.AdamOptimizer;
import io.github.metarl4j.optim.Trpo;
import io.github.metarl4j.policy.Policy;
import io.github.metarl4j.policy.ReinforceLoss;
import io.github.metarl4j.sampler.ActionFunction;
import io.github.metarl4j.sampler.LockstepSampler;
import io.github.metarl4j.sampler.RowBlocks;
import io.github.metarl4j.task.Task;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * MAML-TRPO for reinforcement learning (Finn, Abbeel and Levine, ICML 2017), one meta-iteration
 * at a time, as the MAML specification defines it: for each task, sample {@code fastBatch}
 * episodes with the meta-policy, fit the linear baseline, compute normalised GAE advantages,
 * adapt with {@code innerSteps} REINFORCE steps, sample {@code fastBatch} episodes with the
 * adapted policy; then the outer step: one TRPO step on the mean surrogate with the exact
 * second-order meta-gradient and curvature ({@link MetaObjective}), or several Adam epochs on
 * PPO's clipped surrogate through the same exact meta-gradient ({@link ClippedMetaObjective}).
 * Meta-parameters are never mutated; Adam's moment estimates persist across meta-batches.
 */
public final class Maml implements AutoCloseable {

    private final MamlConfig config;
    private final Policy policy;
    private final InnerLoop inner;
    private final Trpo trpo;
    private final TaskParallel parallel;
    private final InnerLoop noAdaptation = new InnerLoop(0.0, 1);
    private final AdamOptimizer adam;

    /**
     * @param config  the settings
     * @param policy  the policy (its data type must match the sampler's)
     * @param threads threads for the per-task work of the outer step; results are identical for any number
     */
    public Maml(MamlConfig config, Policy policy, int threads) {
        this.config = config;
        this.policy = policy;
        this.inner = new InnerLoop(config.innerStepSize(), config.innerSteps());
        this.trpo = new Trpo(config.trpo());
        this.parallel = new TaskParallel(threads);
        this.adam = new AdamOptimizer(config.ppo().learningRate(), policy.numParams(), policy.dataType());
    }

    @Override
    public void close() {
        parallel.close();
    }

    public MamlConfig config() {
        return config;
    }

    public Policy policy() {
        return policy;
    }

    /**
     * What one meta-iteration did.
     *
     * @param theta          the new meta-parameters
     * @param returnBefore   mean undiscounted return of the train episodes (before adaptation)
     * @param returnAfter    mean return of the valid episodes (after adaptation)
     * @param outer          the outer step's outcome
     * @param envSteps       environment steps sampled
     * @param samplingSecs   wall time spent sampling
     * @param adaptationSecs wall time spent on advantages and adaptation
     * @param outerSecs      wall time spent in the outer step
     */
    public record MetaStep(INDArray theta, double returnBefore, double returnAfter, OuterStep outer, long envSteps,
                           double samplingSecs, double adaptationSecs, double outerSecs) {
    }

    /**
     * What the outer step did, for TRPO and PPO alike.
     *
     * @param valueBefore the outer objective at the old meta-parameters
     * @param valueAfter  the outer objective at the new ones
     * @param kl          the mean KL from the sampling policies to the new adapted ones
     * @param accepted    whether the parameters changed (a TRPO step can be refused)
     * @param backtracks  TRPO's line-search backtracks (0 for PPO)
     */
    public record OuterStep(double valueBefore, double valueAfter, double kl, boolean accepted, int backtracks) {
    }

    /** The normalised GAE advantages of one task's episodes, with a linear baseline fitted on them. */
    public INDArray advantages(EpisodeBatch episodes) {
        INDArray returns = Advantages.discountedReturns(episodes, config.gamma());
        INDArray values = LinearFeatureBaseline.fit(episodes, returns).values(episodes);
        return Advantages.normalizePerTask(episodes, Advantages.gae(episodes, values, config.gamma(),
                config.gaeLambda()));
    }

    /** The adapted parameters {@code theta'} after the inner loop on one task's {@code episodes}. */
    public INDArray adapt(INDArray theta, EpisodeBatch episodes) {
        ReinforceLoss loss = new ReinforceLoss(policy, episodes, advantages(episodes));
        return inner.adapt(theta, loss).get(inner.steps());
    }

    /**
     * The policy with parameters {@code theta}, adapting as MAML's inner loop does: each
     * {@link AdaptablePolicy#adapt} step is the inner loop on the given episodes. Meta-learned,
     * pretrained and randomly initialised parameters are evaluated through this same rule.
     */
    public AdaptablePolicy policyAt(INDArray theta) {
        return new GradientAdapted(theta);
    }

    /** Parameters that adapt by the inner loop. */
    private final class GradientAdapted implements AdaptablePolicy {
        private final INDArray theta;

        GradientAdapted(INDArray theta) {
            this.theta = theta;
        }

        @Override
        public ActionFunction actions() {
            return policy.actions(theta);
        }

        @Override
        public AdaptablePolicy adapt(EpisodeBatch episodes) {
            return new GradientAdapted(Maml.this.adapt(theta, episodes));
        }
    }

    /** One meta-iteration on {@code tasks} from meta-parameters {@code theta}. */
    public <T extends Task, O, A> MetaStep metaStep(LockstepSampler sampler, TaskFamily<T, O, A> family,
                                                     List<T> tasks, INDArray theta, RandomGenerator rng) {
        int e = config.fastBatch();
        long t0 = System.nanoTime();
        EpisodeBatch train = sampler.sample(family, tasks, e, policy.actions(theta), rng);
        long t1 = System.nanoTime();
        List<TaskEpisodes> trains = split(train, tasks.size());
        List<INDArray> adapted = parallel.map(tasks.size(), i -> inner.adapt(theta,
                new ReinforceLoss(policy, trains.get(i).episodes(), trains.get(i).advantages())).get(inner.steps()));
        long t2 = System.nanoTime();
        List<ActionFunction> adaptedActions = adapted.stream().map(policy::actions).toList();
        EpisodeBatch valid = sampler.sample(family, tasks, e, new RowBlocks(adaptedActions, e), rng);
        long t3 = System.nanoTime();
        List<TaskEpisodes> valids = split(valid, tasks.size());
        List<MetaObjective.Task> data = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            data.add(new MetaObjective.Task(trains.get(i).episodes(), trains.get(i).advantages(),
                    valids.get(i).episodes(), valids.get(i).advantages()));
        }
        INDArray next;
        OuterStep outer;
        if (config.outer() == MamlConfig.OuterOptimizer.PPO) {
            next = theta;
            try (ClippedMetaObjective objective = new ClippedMetaObjective(policy, inner, data, adapted,
                    config.firstOrder(), config.ppo().clip(), parallel)) {
                double before = objective.value(theta);
                for (int epoch = 0; epoch < config.ppo().epochs(); epoch++) {
                    next = adam.step(next, objective.gradient(next));
                }
                outer = new OuterStep(before, objective.value(next), objective.kl(next), true, 0);
            }
        } else {
            try (MetaObjective objective = new MetaObjective(policy, inner, data, theta, config.firstOrder(), parallel)) {
                Trpo.Result r = trpo.step(objective, theta);
                next = r.theta();
                outer = new OuterStep(r.valueBefore(), r.valueAfter(), r.kl(), r.accepted(), r.backtracks());
            }
        }
        long t4 = System.nanoTime();
        long envSteps = Arrays.stream(train.lengths()).sum() + Arrays.stream(valid.lengths()).sum();
        return new MetaStep(next, mean(train.episodeReturns()), mean(valid.episodeReturns()), outer, envSteps,
                ((t1 - t0) + (t3 - t2)) / 1e9, (t2 - t1) / 1e9, (t4 - t3) / 1e9);
    }

    /**
     * One step of ordinary policy gradient on the pooled tasks, the pretrained baseline of the MAML
     * paper: sample {@code fastBatch} episodes per task with {@code theta}, compute the same per-task
     * advantages, and take one TRPO step on the mean surrogate, with no adaptation (the meta-objective
     * with inner step size 0 and first-order Jacobians is exactly that).
     */
    public <T extends Task, O, A> MetaStep pretrainStep(LockstepSampler sampler, TaskFamily<T, O, A> family,
                                                         List<T> tasks, INDArray theta, RandomGenerator rng) {
        int e = config.fastBatch();
        long t0 = System.nanoTime();
        EpisodeBatch batch = sampler.sample(family, tasks, e, policy.actions(theta), rng);
        long t1 = System.nanoTime();
        List<MetaObjective.Task> data = split(batch, tasks.size()).stream()
                .map(t -> new MetaObjective.Task(t.episodes(), t.advantages(), t.episodes(), t.advantages())).toList();
        long t2 = System.nanoTime();
        Trpo.Result r;
        try (MetaObjective objective = new MetaObjective(policy, noAdaptation, data, theta, true, parallel)) {
            r = trpo.step(objective, theta);
        }
        long t3 = System.nanoTime();
        double ret = mean(batch.episodeReturns());
        return new MetaStep(r.theta(), ret, ret, new OuterStep(r.valueBefore(), r.valueAfter(), r.kl(), r.accepted(),
                r.backtracks()), Arrays.stream(batch.lengths()).sum(), (t1 - t0) / 1e9, (t2 - t1) / 1e9,
                (t3 - t2) / 1e9);
    }

    /** One task's episodes and their advantages. */
    private record TaskEpisodes(EpisodeBatch episodes, INDArray advantages) {
    }

    /** The batch's task-major columns as per-task episodes with their advantages (each task's own baseline). */
    private List<TaskEpisodes> split(EpisodeBatch batch, int tasks) {
        int e = config.fastBatch();
        return parallel.map(tasks, i -> {
            EpisodeBatch episodes = batch.columns(i * e, (i + 1) * e);
            return new TaskEpisodes(episodes, advantages(episodes));
        });
    }

    private static double mean(double[] xs) {
        return Arrays.stream(xs).average().orElse(Double.NaN);
    }
}
