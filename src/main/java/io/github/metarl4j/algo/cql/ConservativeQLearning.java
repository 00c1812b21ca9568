package io.github.metarl4j.algo.cql;

import io.github.metarl4j.algo.AdaptablePolicy;
import io.github.metarl4j.algo.MetaStepReport;
import io.github.metarl4j.algo.Metric;
import io.github.metarl4j.algo.ParametricLearner;
import io.github.metarl4j.data.HostArrays;
import io.github.metarl4j.data.TransitionDataset;
import io.github.metarl4j.env.TaskFamily;
import io.github.metarl4j.nn.Mlp;
import io.github.metarl4j.nn.MlpPass;
import io.github.metarl4j.nn.Scratch;
import io.github.metarl4j.optim.AdamOptimizer;
import io.github.metarl4j.optim.LearningRate;
import io.github.metarl4j.task.Task;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Discrete conservative Q-learning, CQL(H) (Kumar et al. 2020), on a Q-network
 * {@code Q(s, .) = net(s) [A]} from a fixed dataset: each Adam step draws M transitions uniformly
 * with replacement and descends {@link CqlLoss}, with targets from the target network, which is the
 * parameters at the start of the iteration (so the whole state is the parameters and Adam's, and a
 * resumed run continues bit for bit). {@code alpha = 0} is fitted Q-learning. A cut-short transition
 * bootstraps from its next observation; a terminal one does not. The policy is greedy in Q.
 */
public final class ConservativeQLearning extends ParametricLearner {

    /** Mean squared TD error over the iteration's minibatches. */
    public static final Metric TD_ERROR = new Metric("td_error", Metric.Kind.REAL, "", true,
            "mean squared TD error of the iteration's minibatches");
    /** The regulariser: mean {@code logsumexp_a Q(s, a) - Q(s, a_data)}. */
    public static final Metric CQL_GAP = new Metric("cql_gap", Metric.Kind.REAL, "", true,
            "mean logsumexp Q(s, .) - Q(s, a) over the data's actions");
    /** Mean Q of the data's actions. */
    public static final Metric Q_DATA = new Metric("q_data", Metric.Kind.REAL, "", true,
            "mean Q value of the data's actions");

    private static final List<Metric> METRICS = List.of(Metric.RETURN_BEFORE, Metric.RETURN_AFTER, TD_ERROR, CQL_GAP,
            Q_DATA, Metric.ENV_STEPS, Metric.SAMPLING_S, Metric.ADAPTATION_S, Metric.OUTER_S);

    private final CqlConfig config;
    private final Mlp net;
    private final Scratch scratch = new Scratch();
    private final TransitionDataset dataset;

    /**
     * @param config  the regulariser's weight, discount, batch size, steps per iteration and learning rate
     * @param net     the Q-network, observations to one value per discrete action
     * @param theta   its initial parameters {@code [P]}
     * @param dataset the transitions, with discrete actions below {@code net.outDim()}
     * @throws IllegalArgumentException if the dataset's widths do not fit the network
     */
    public ConservativeQLearning(CqlConfig config, Mlp net, INDArray theta, TransitionDataset dataset) {
        super(theta, Optional.of(new AdamOptimizer(LearningRate.constant(config.learningRate()), theta.length(),
                theta.dataType())));
        if (dataset.obsDim() != net.inDim() || dataset.actDim() != 1) {
            throw new IllegalArgumentException("dataset of observations [" + dataset.obsDim() + "] and actions ["
                    + dataset.actDim() + "] does not fit a Q-network of [" + net.inDim() + "] inputs and one discrete "
                    + "action");
        }
        double[] act = dataset.actions();
        for (int i = 0; i < act.length; i++) {
            if (act[i] < 0 || act[i] >= net.outDim() || act[i] != Math.rint(act[i])) {
                throw new IllegalArgumentException("actions row " + i + ": expected one of " + net.outDim()
                        + " actions, got " + act[i]);
            }
        }
        this.config = config;
        this.net = net;
        this.dataset = dataset;
    }

    @Override
    public List<Metric> metrics() {
        return METRICS;
    }

    /** The greedy policy of the current Q-network. */
    @Override
    public AdaptablePolicy explorationPolicy() {
        return new GreedyQPolicy(net, parameters());
    }

    /**
     * The current Q values of {@code observations}.
     *
     * @param observations {@code [N, obsDim]}, row-major
     * @return {@code [N, A]}, row-major
     */
    public double[] q(double[] observations) {
        int n = observations.length / net.inDim();
        try (Scratch.Lease lease = scratch.lease()) {
            return HostArrays.read(net.forward(parameters(), HostArrays.create(observations, net.dataType(), n,
                    net.inDim()), scratch).output());
        }
    }

    /** {@link CqlConfig#stepsPerIteration()} Adam steps against the target network of the iteration's start. */
    @Override
    public <T extends Task, O, A> MetaStepReport metaStep(TaskFamily<T, O, A> family, List<T> tasks,
                                                          RandomGenerator rng) {
        long t0 = System.nanoTime();
        INDArray target = parameters();
        INDArray theta = parameters();
        int m = config.batchSize();
        int d = net.inDim();
        int a = net.outDim();
        double td = 0;
        double gap = 0;
        double qData = 0;
        for (int step = 0; step < config.stepsPerIteration(); step++) {
            TransitionDataset.Rows batch = dataset.sample(m, rng);
            int[] act = new int[m];
            for (int i = 0; i < m; i++) {
                act[i] = (int) batch.actions()[i];
            }
            double[] y = targets(target, batch);
            try (Scratch.Lease lease = scratch.lease()) {
                MlpPass pass = net.forward(theta, HostArrays.create(batch.observations(), net.dataType(), m, d),
                        scratch);
                double[] q = HostArrays.read(pass.output());
                CqlLoss loss = CqlLoss.of(q, act, y, config.alpha());
                td += loss.td();
                gap += loss.gap();
                for (int i = 0; i < m; i++) {
                    qData += q[i * a + act[i]] / m;
                }
                INDArray grad = pass.vjp(HostArrays.create(loss.dq(), net.dataType(), m, a));
                theta = adam().step(theta, grad);
            }
        }
        replace(theta);
        int n = config.stepsPerIteration();
        return MetaStepReport.offline(METRICS, (System.nanoTime() - t0) / 1e9)
                .set(TD_ERROR, td / n)
                .set(CQL_GAP, gap / n)
                .set(Q_DATA, qData / n).build();
    }

    /** {@code y_m = r_m + gamma (1 - terminal_m) max_a' Q_target(s'_m, a')}. */
    private double[] targets(INDArray target, TransitionDataset.Rows batch) {
        int m = batch.size();
        double[] qNext;
        try (Scratch.Lease lease = scratch.lease()) {
            qNext = HostArrays.read(net.forward(target, HostArrays.create(batch.nextObservations(), net.dataType(), m,
                    net.inDim()), scratch).output());
        }
        int a = net.outDim();
        double[] y = new double[m];
        for (int i = 0; i < m; i++) {
            double best = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < a; j++) {
                best = Math.max(best, qNext[i * a + j]);
            }
            y[i] = batch.rewards()[i] + (batch.terminated()[i] ? 0 : config.gamma() * best);
        }
        return y;
    }

    @Override
    public void close() {
    }

    /** The index of each row's largest value (ties to the lowest), {@code [N]} as doubles. */
    static double[] argmax(double[] values, int width) {
        double[] out = new double[values.length / width];
        for (int i = 0; i < out.length; i++) {
            int best = 0;
            for (int j = 1; j < width; j++) {
                best = values[i * width + j] > values[i * width + best] ? j : best;
            }
            out[i] = best;
        }
        return out;
    }
}
