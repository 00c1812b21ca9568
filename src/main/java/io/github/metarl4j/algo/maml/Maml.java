package io.github.metarl4j.algo.maml;

import io.github.metarl4j.optim.OuterOptimizer;
import io.github.metarl4j.algo.AdaptablePolicy;
import io.github.metarl4j.algo.ParametricLearner;
import io.github.metarl4j.algo.MetaStepReport;
import io.github.metarl4j.algo.Metric;
import io.github.metarl4j.env.TaskFamily;
import io.github.metarl4j.optim.AdamOptimizer;
import io.github.metarl4j.optim.Trpo;
import io.github.metarl4j.policy.Policy;
import io.github.metarl4j.sampler.Sampler;
import io.github.metarl4j.sampler.TaskStates;
import io.github.metarl4j.task.Task;
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
        super(theta, Optional.of(new AdamOptimizer(config.ppo().learningRate(config.ppo().epochs()), policy.numParams(),
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
        INDArray start = parameters();
        long[] seeds = new long[MamlTasks.calls(config)];
        for (int c = 0; c < seeds.length; c++) {
            seeds[c] = rng.nextLong();
        }
        MamlTasks<T> build = new MamlTasks<>(policy, config, tasks, start, seeds);
        try (TaskStates<TaskObjective> terms = parts.sampler().open(family, tasks.size(), build)) {
            long t1 = System.nanoTime();
            List<TaskObjective.Sampled> sampled = terms.map(TaskObjective::sampled);
            Trpo.Result r;
            if (config.outer() == OuterOptimizer.PPO) {
                r = ppoStep(new ClippedMetaObjective(terms, config.ppo().clip(), policy.dataType()), start);
            } else {
                r = parts.trpo().step(new MetaObjective(terms, policy.dataType(), policy.numParams()), start);
            }
            replace(r.theta());
            long t2 = System.nanoTime();
            return report(r, sampled, (t2 - t1) / 1e9);
        }
    }

    /**
     * The step's metrics: returns averaged over every task's episodes (per-task sums added in task
     * order, so any back end gives the same), the steps, and the times: sampling and adaptation as the
     * per-part builds measured them (summed over parts: executor time on a cluster), the outer step
     * (with the objective's preparation in the builds) as wall time here.
     */
    private MetaStepReport report(Trpo.Result r, List<TaskObjective.Sampled> sampled, double outerSecs) {
        double before = 0;
        double after = 0;
        long episodes = 0;
        long steps = 0;
        long sampling = 0;
        long adaptation = 0;
        for (TaskObjective.Sampled s : sampled) {
            before += s.trainReturnSum();
            after += s.validReturnSum();
            episodes += s.episodes();
            steps += s.steps();
            sampling += s.samplingNanos();
            adaptation += s.adaptationNanos();
        }
        return OuterStepMetrics.of(MetaStepReport.builder(metrics()), r)
                .set(Metric.RETURN_BEFORE, before / episodes)
                .set(Metric.RETURN_AFTER, after / episodes)
                .set(Metric.ENV_STEPS, steps)
                .set(Metric.SAMPLING_S, sampling / 1e9)
                .set(Metric.ADAPTATION_S, adaptation / 1e9)
                .set(Metric.OUTER_S, outerSecs).build();
    }

    /**
     * Several Adam epochs on the clipped surrogate, reported in TRPO's terms (no backtracks, always
     * accepted; the gradient norm of the first epoch).
     */
    private Trpo.Result ppoStep(ClippedMetaObjective objective, INDArray start) {
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
