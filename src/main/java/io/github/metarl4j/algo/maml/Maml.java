package io.github.metarl4j.algo.maml;

import io.github.metarl4j.algo.AdaptablePolicy;
import io.github.metarl4j.algo.ParametricLearner;
import io.github.metarl4j.algo.MetaStepReport;
import io.github.metarl4j.algo.Metric;
import io.github.metarl4j.data.EpisodeBatch;
import io.github.metarl4j.env.TaskFamily;
import io.github.metarl4j.optim.AdamOptimizer;
import io.github.metarl4j.optim.Trpo;
import io.github.metarl4j.policy.Policy;
import io.github.metarl4j.sampler.Sampler;
import io.github.metarl4j.task.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * MAML-TRPO for reinforcement learning (Finn, Abbeel and Levine, ICML 2017), one meta-iteration
 * at a time, as the MAML specification defines it: for each task, sample {@code fastBatch}
 * episodes with the meta-policy, fit the linear baseline, compute normalised GAE advantages,
 * adapt with {@code innerSteps} REINFORCE steps (each on {@code fastBatch} fresh episodes of the
 * policy adapted so far, or all on the first episodes), sample {@code fastBatch} episodes with the
 * adapted policy; then the outer step: one TRPO step on the mean surrogate with the exact
 * second-order meta-gradient and curvature ({@link MetaObjective}), or several Adam epochs on
 * PPO's clipped surrogate through the same exact meta-gradient ({@link ClippedMetaObjective}).
 * Each step replaces the meta-parameters (never mutates them); Adam's moment estimates persist
 * across meta-batches and are part of the {@link #state()}.
 */
public final class Maml extends ParametricLearner {

    private final MamlConfig config;
    private final LearnerParts parts;
    private final Policy policy;

    /**
     * @param config  the settings
     * @param policy  the policy
     * @param theta   the initial meta-parameters {@code [P]}, in the policy's data type
     * @param sampler runs the episodes, in the policy's data type; its threads also run the per-task
     *                work of the outer step; results are identical for any number (the caller closes it)
     */
    public Maml(MamlConfig config, Policy policy, INDArray theta, Sampler sampler) {
        super(theta, Optional.of(new AdamOptimizer(config.ppo().learningRate(), policy.numParams(),
                policy.dataType())));
        this.config = config;
        this.parts = LearnerParts.of(config, policy, theta, sampler);
        this.policy = policy;
    }

    @Override
    public void close() {
        parts.close();
    }

    public MamlConfig config() {
        return config;
    }

    public Policy policy() {
        return policy;
    }

    /** The columns of a policy-gradient outer step ({@link Metric#POLICY_GRADIENT}). */
    @Override
    public List<Metric> metrics() {
        return Metric.POLICY_GRADIENT;
    }

    /** The meta-policy, adapting by the inner loop on each new task's episodes. */
    @Override
    public AdaptablePolicy explorationPolicy() {
        return new GradientAdapted(policy, parts.inner(), config, parameters());
    }

    /**
     * One meta-iteration on {@code tasks} from the current meta-parameters: K inner steps per task
     * (each on fresh episodes of the policy adapted so far, or all on the first episodes, as
     * {@code innerSampling} says), then the valid episodes and the outer step.
     */
    @Override
    public <T extends Task, O, A> MetaStepReport metaStep(TaskFamily<T, O, A> family, List<T> tasks,
                                                          RandomGenerator rng) {
        int e = config.fastBatch();
        INDArray start = parameters();
        InnerLoop inner = parts.inner();
        long sampling = 0;
        long adaptation = 0;
        long steps = 0;
        List<INDArray> current = java.util.Collections.nCopies(tasks.size(), start);
        List<List<TaskEpisodes>> innerData = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            innerData.add(new ArrayList<>());
        }
        double trainReturn = Double.NaN;
        List<TaskEpisodes> episodes = List.of();
        for (int k = 0; k < inner.steps(); k++) {
            if (k == 0 || config.innerSampling() == MamlConfig.InnerSampling.FRESH) {
                long t0 = System.nanoTime();
                EpisodeBatch batch = parts.sampler().sample(family, tasks, e,
                        k == 0 ? policy.actions(start) : policy.actions(current), rng);
                long t1 = System.nanoTime();
                episodes = TaskEpisodes.split(batch, tasks.size(), e, config, parts.parallel());
                sampling += t1 - t0;
                adaptation += System.nanoTime() - t1;
                steps += batch.totalSteps();
                if (k == 0) {
                    trainReturn = batch.meanEpisodeReturn();
                }
            }
            long t2 = System.nanoTime();
            List<TaskEpisodes> atK = episodes;
            List<INDArray> from = current;
            current = parts.parallel().map(tasks.size(), i -> inner.step(from.get(i), atK.get(i).loss(policy)));
            for (int i = 0; i < tasks.size(); i++) {
                innerData.get(i).add(atK.get(i));
            }
            adaptation += System.nanoTime() - t2;
        }
        List<INDArray> adapted = current;
        long t3 = System.nanoTime();
        EpisodeBatch valid = parts.sampler().sample(family, tasks, e, policy.actions(adapted), rng);
        sampling += System.nanoTime() - t3;
        long t4 = System.nanoTime();
        List<TaskEpisodes> valids = TaskEpisodes.split(valid, tasks.size(), e, config, parts.parallel());
        List<MetaObjective.Task> data = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            data.add(new MetaObjective.Task(innerData.get(i), valids.get(i)));
        }
        Trpo.Result r;
        if (config.outer() == MamlConfig.OuterOptimizer.PPO) {
            r = ppoStep(data, adapted, start);
        } else {
            try (MetaObjective objective = new MetaObjective(policy, inner, data, start, config.firstOrder(),
                    parts.parallel())) {
                r = parts.trpo().step(objective, start);
            }
        }
        replace(r.theta());
        long t5 = System.nanoTime();
        return OuterStepMetrics.of(MetaStepReport.builder(metrics()), r)
                .set(Metric.RETURN_BEFORE, trainReturn)
                .set(Metric.RETURN_AFTER, valid.meanEpisodeReturn())
                .set(Metric.ENV_STEPS, steps + valid.totalSteps())
                .set(Metric.SAMPLING_S, sampling / 1e9)
                .set(Metric.ADAPTATION_S, adaptation / 1e9)
                .set(Metric.OUTER_S, (t5 - t4) / 1e9).build();
    }

    /**
     * Several Adam epochs on the clipped surrogate, reported in TRPO's terms (no backtracks, always
     * accepted; the gradient norm of the first epoch).
     */
    private Trpo.Result ppoStep(List<MetaObjective.Task> data, List<INDArray> adapted, INDArray start) {
        try (ClippedMetaObjective objective = new ClippedMetaObjective(policy, parts.inner(), data, adapted,
                config.firstOrder(), config.ppo().clip(), parts.parallel())) {
            INDArray next = start;
            double before = objective.value(start);
            double gradientNorm = Double.NaN;
            for (int epoch = 0; epoch < config.ppo().epochs(); epoch++) {
                INDArray g = objective.gradient(next);
                if (epoch == 0) {
                    gradientNorm = g.norm2Number().doubleValue();
                }
                next = adam().step(next, g);
            }
            return new Trpo.Result(next, true, 0, before, objective.value(next), objective.kl(next), gradientNorm);
        }
    }
}
