package io.github.metarl4j.offline.tabular;

import io.github.metarl4j.algo.AdaptablePolicy;
import io.github.metarl4j.algo.MetaStepReport;
import io.github.metarl4j.algo.Metric;
import io.github.metarl4j.algo.ParametricLearner;
import io.github.metarl4j.data.TransitionDataset;
import io.github.metarl4j.env.TaskFamily;
import io.github.metarl4j.task.Task;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Pessimistic value iteration as a learner (type {@code pvi}): its parameters are the Q table
 * {@code [S * A]} that {@link PessimisticValueIteration} solves on the dataset's empirical MDP, its
 * policy greedy in that table. The solution is exact, so every iteration gives the same table; the
 * first already is the answer. {@code beta = 0} is the certainty-equivalent model-based ablation.
 */
public final class PessimisticLearner extends ParametricLearner {

    /** The mean over states seen in the data of {@code max_a Q(s, a)}. */
    public static final Metric VALUE = new Metric("value_seen", Metric.Kind.REAL, "return", true,
            "mean pessimistic value of the states the data visits");
    /** Value-iteration sweeps to the fixed point. */
    public static final Metric SWEEPS = new Metric("sweeps", Metric.Kind.INTEGER, "", false,
            "value-iteration sweeps to the fixed point");

    private static final List<Metric> METRICS = List.of(Metric.RETURN_BEFORE, Metric.RETURN_AFTER, VALUE, SWEEPS,
            Metric.ENV_STEPS, Metric.SAMPLING_S, Metric.ADAPTATION_S, Metric.OUTER_S);

    private final EmpiricalMdp model;
    private final double beta;
    private final double gamma;
    private final StateIndex index;

    /**
     * @param dataset the transitions, with one-hot observations of {@code states} states and discrete actions
     * @param states  S
     * @param actions A
     * @param beta    the penalty's weight, at least 0
     * @param gamma   the discount, in [0, 1)
     * @throws IllegalArgumentException naming the row of an observation that is not one-hot, or a bad beta or gamma
     */
    public PessimisticLearner(TransitionDataset dataset, int states, int actions, double beta, double gamma) {
        super(Nd4j.zeros(DataType.DOUBLE, (long) states * actions), Optional.empty());
        this.index = StateIndex.oneHot(states);
        this.model = EmpiricalMdp.of(dataset, index, states, actions);
        PessimisticValueIteration.solve(model, beta, gamma); // checks beta and gamma now
        this.beta = beta;
        this.gamma = gamma;
    }

    @Override
    public List<Metric> metrics() {
        return METRICS;
    }

    /** The greedy policy of the current table. */
    @Override
    public AdaptablePolicy explorationPolicy() {
        return new GreedyTablePolicy(parameters().toDoubleVector(), model.actions(), index);
    }

    /** Solves the empirical MDP (the same answer every time). */
    @Override
    public <T extends Task, O, A> MetaStepReport metaStep(TaskFamily<T, O, A> family, List<T> tasks,
                                                          RandomGenerator rng) {
        long t0 = System.nanoTime();
        PessimisticValueIteration.Solution s = PessimisticValueIteration.solve(model, beta, gamma);
        replace(Nd4j.createFromArray(s.q()));
        double value = 0;
        int seen = 0;
        for (int st = 0; st < model.states(); st++) {
            boolean visited = false;
            for (int a = 0; a < model.actions(); a++) {
                visited |= model.count(st, a) > 0;
            }
            if (visited) {
                value += s.v()[st];
                seen++;
            }
        }
        return MetaStepReport.offline(METRICS, (System.nanoTime() - t0) / 1e9)
                .set(VALUE, value / seen)
                .set(SWEEPS, s.iterations()).build();
    }

    @Override
    public void close() {
    }
}
