package io.github.metarl4j.algo.maml;

import io.github.metarl4j.algo.AdaptablePolicy;
import io.github.metarl4j.algo.ParametricLearner;
import io.github.metarl4j.algo.MetaStepReport;
import io.github.metarl4j.algo.Metric;
import io.github.metarl4j.data.EpisodeBatch;
import io.github.metarl4j.env.TaskFamily;
import io.github.metarl4j.optim.Trpo;
import io.github.metarl4j.policy.Policy;
import io.github.metarl4j.sampler.Sampler;
import io.github.metarl4j.task.Task;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The MAML paper's "pretrained" baseline (Finn, Abbeel and Levine, ICML 2017, section 5.3): one
 * policy trained by ordinary policy gradient on the pooled tasks of each meta-batch, with no
 * adaptation during training; at meta-test time it adapts by the same inner loop as MAML. A step
 * samples as many episodes per task as a MAML meta-batch does ({@link MamlConfig#episodesPerTask()};
 * an experiment continues it until it has also sampled as many environment steps), computes the same
 * per-task advantages and takes one TRPO step on the mean surrogate (the meta-objective with inner
 * step size 0 and first-order Jacobians is exactly that), with the configuration's TRPO settings.
 */
public final class Pretraining extends ParametricLearner {

    private final MamlConfig config;
    private final LearnerParts parts;
    private final Policy policy;
    private final InnerLoop noAdaptation = new InnerLoop(0.0, 1);

    /**
     * @param config  MAML's settings: the batch sizes, advantages and TRPO step for training, the inner
     *                loop for adaptation at meta-test time
     * @param policy  the policy
     * @param theta   the initial parameters {@code [P]}, in the policy's data type
     * @param sampler runs the episodes, in the policy's data type; its threads also run the per-task
     *                work of the outer step; results are identical for any number (the caller closes it)
     */
    public Pretraining(MamlConfig config, Policy policy, INDArray theta, Sampler sampler) {
        super(theta, Optional.empty());
        this.config = config;
        this.parts = LearnerParts.of(config, policy, theta, sampler);
        this.policy = policy;
    }

    @Override
    public void close() {
        parts.close();
    }

    /** The columns of a policy-gradient outer step ({@link Metric#POLICY_GRADIENT}). */
    @Override
    public List<Metric> metrics() {
        return Metric.POLICY_GRADIENT;
    }

    /** The pretrained policy, adapting by MAML's inner loop on each new task's episodes. */
    @Override
    public AdaptablePolicy explorationPolicy() {
        return new GradientAdapted(policy, parts.inner(), config, parameters());
    }

    /** One TRPO step of ordinary policy gradient on the pooled {@code tasks}. */
    @Override
    public <T extends Task, O, A> MetaStepReport metaStep(TaskFamily<T, O, A> family, List<T> tasks,
                                                          RandomGenerator rng) {
        int e = config.episodesPerTask();
        INDArray theta = parameters();
        long t0 = System.nanoTime();
        EpisodeBatch batch = parts.sampler().sample(family, tasks, e, policy.actions(theta), rng);
        long t1 = System.nanoTime();
        List<MetaObjective.Task> data = TaskEpisodes.split(batch, tasks.size(), e, config, parts.parallel()).stream()
                .map(t -> new MetaObjective.Task(List.of(t), t)).toList();
        long t2 = System.nanoTime();
        Trpo.Result r;
        try (MetaObjective objective = new MetaObjective(policy, noAdaptation, data, theta, true, parts.parallel())) {
            r = parts.trpo().step(objective, theta);
        }
        replace(r.theta());
        long t3 = System.nanoTime();
        double ret = batch.meanEpisodeReturn();
        return OuterStepMetrics.of(MetaStepReport.builder(metrics()), r)
                .set(Metric.RETURN_BEFORE, ret)
                .set(Metric.RETURN_AFTER, ret)
                .set(Metric.ENV_STEPS, batch.totalSteps())
                .set(Metric.SAMPLING_S, (t1 - t0) / 1e9)
                .set(Metric.ADAPTATION_S, (t2 - t1) / 1e9)
                .set(Metric.OUTER_S, (t3 - t2) / 1e9).build();
    }
}
