package io.github.metarl4j.algo.bc;

import io.github.metarl4j.algo.AdaptablePolicy;
import io.github.metarl4j.algo.FixedPolicy;
import io.github.metarl4j.algo.MetaStepReport;
import io.github.metarl4j.algo.Metric;
import io.github.metarl4j.algo.ParametricLearner;
import io.github.metarl4j.data.HostArrays;
import io.github.metarl4j.data.TransitionDataset;
import io.github.metarl4j.env.TaskFamily;
import io.github.metarl4j.optim.AdamOptimizer;
import io.github.metarl4j.optim.LearningRate;
import io.github.metarl4j.policy.Policy;
import io.github.metarl4j.policy.PolicyPoint;
import io.github.metarl4j.task.Task;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Behaviour cloning: maximum likelihood of a fixed dataset's actions,
 * {@code L(theta) = - (1 / M) sum_m log pi_theta(a_m | s_m)} over minibatches of M transitions drawn
 * uniformly with replacement, minimised by Adam. It trains from its dataset alone: the tasks of a
 * meta-batch are ignored and no episode is sampled. Its policy does not adapt ({@link FixedPolicy}),
 * so an evaluation scores it at k = 0. The training columns report the negative log-likelihood;
 * the returns are NaN, as an offline learner observes none.
 */
public final class BehaviourCloning extends ParametricLearner {

    /** The mean negative log-likelihood of the iteration's minibatches, before each step. */
    public static final Metric NLL = new Metric("nll", Metric.Kind.REAL, "nats", true,
            "mean negative log-likelihood of the dataset's actions on the iteration's minibatches");

    private static final List<Metric> METRICS = List.of(Metric.RETURN_BEFORE, Metric.RETURN_AFTER, NLL,
            Metric.GRADIENT_NORM, Metric.ENV_STEPS, Metric.SAMPLING_S, Metric.ADAPTATION_S, Metric.OUTER_S);

    private final BcConfig config;
    private final Policy policy;
    private final TransitionDataset dataset;

    /**
     * @param config  batch size, steps per iteration and learning rate
     * @param policy  the policy to fit, whose observation and action widths are the dataset's
     * @param theta   the initial parameters {@code [P]}, in the policy's data type
     * @param dataset the transitions whose actions are cloned
     * @throws IllegalArgumentException if the dataset's widths differ from the policy's
     */
    public BehaviourCloning(BcConfig config, Policy policy, INDArray theta, TransitionDataset dataset) {
        super(theta, Optional.of(new AdamOptimizer(LearningRate.constant(config.learningRate()), theta.length(),
                theta.dataType())));
        if (dataset.obsDim() != policy.obsDim() || dataset.actDim() != policy.actDim()) {
            throw new IllegalArgumentException("dataset of observations [" + dataset.obsDim() + "] and actions ["
                    + dataset.actDim() + "] does not fit a policy of [" + policy.obsDim() + "] and ["
                    + policy.actDim() + "]");
        }
        this.config = config;
        this.policy = policy;
        this.dataset = dataset;
    }

    @Override
    public List<Metric> metrics() {
        return METRICS;
    }

    /** The cloned policy, which does not adapt. */
    @Override
    public AdaptablePolicy explorationPolicy() {
        return new FixedPolicy(policy, parameters());
    }

    /** {@link BcConfig#stepsPerIteration()} Adam steps on minibatches drawn from {@code rng}. */
    @Override
    public <T extends Task, O, A> MetaStepReport metaStep(TaskFamily<T, O, A> family, List<T> tasks,
                                                          RandomGenerator rng) {
        long t0 = System.nanoTime();
        int m = config.batchSize();
        int obsDim = policy.obsDim();
        int actDim = policy.actDim();
        double nll = 0;
        double firstNorm = Double.NaN;
        INDArray theta = parameters();
        for (int step = 0; step < config.stepsPerIteration(); step++) {
            TransitionDataset.Rows batch = dataset.sample(m, rng);
            double[] value = new double[1];
            INDArray grad = nllGradient(policy, theta, HostArrays.create(batch.observations(), policy.dataType(), m,
                    obsDim), HostArrays.create(batch.actions(), policy.dataType(), m, actDim), value);
            nll += value[0];
            if (step == 0) {
                firstNorm = grad.norm2Number().doubleValue();
            }
            theta = adam().step(theta, grad);
        }
        replace(theta);
        return MetaStepReport.offline(METRICS, (System.nanoTime() - t0) / 1e9)
                .set(NLL, nll / config.stepsPerIteration())
                .set(Metric.GRADIENT_NORM, firstNorm).build();
    }

    @Override
    public void close() {
    }

    /**
     * The gradient of the mean negative log-likelihood {@code -(1 / M) sum_m log pi_theta(a_m | s_m)}:
     * the policy's weighted log-likelihood gradient with weights {@code -1 / M}.
     *
     * @param observations {@code [M, obsDim]}
     * @param actions      {@code [M, actDim]}
     * @param value        receives the loss at {@code theta} in its element 0
     * @return {@code [P]}
     */
    static INDArray nllGradient(Policy policy, INDArray theta, INDArray observations, INDArray actions,
                                double[] value) {
        int m = (int) observations.size(0);
        INDArray weights = HostArrays.create(filled(m, -1.0 / m), policy.dataType(), m);
        try (PolicyPoint point = policy.at(theta, observations)) {
            value[0] = -point.logProb(actions).meanNumber().doubleValue();
            return point.gradient(actions, weights);
        }
    }

    private static double[] filled(int n, double value) {
        double[] out = new double[n];
        Arrays.fill(out, value);
        return out;
    }
}
