package io.github.metarl4j.algo.cql;

import io.github.metarl4j.data.TransitionDataset;
import io.github.metarl4j.env.TaskFamily;
import io.github.metarl4j.nn.Mlp;
import io.github.metarl4j.offline.tabular.EmpiricalMdp;
import io.github.metarl4j.offline.tabular.FqeSelection;
import io.github.metarl4j.offline.tabular.GreedyTablePolicy;
import io.github.metarl4j.offline.tabular.StateIndex;
import io.github.metarl4j.random.SeedTree;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * CQL's regulariser weight chosen from the data alone, for families with one-hot states: one CQL
 * run per candidate weight (the same initial parameters, the same minibatch draws, the same budget),
 * then the greedy policy of each run's Q on every state is valued by {@link FqeSelection} on the
 * data's empirical MDP and the best estimate wins. The weight CQL needs depends on the reward scale
 * (a regulariser of order alpha against action gaps of the order of the step cost), which no
 * single default fits; this is the rule that chooses it without an environment step.
 *
 * @param alphas    {@code [K]}, the candidate weights, in the order given
 * @param selection the FQE estimate of each candidate's greedy policy and the chosen index
 * @param runs      {@code [K]}, each candidate's trained run
 */
public record AlphaSelection(double[] alphas, FqeSelection selection, List<ConservativeQLearning> runs) {

    /**
     * Holds copies:
     *
     * @param alphas    {@code [K]}, the candidate weights
     * @param selection the estimates and the chosen index
     * @param runs      {@code [K]}, the trained runs
     */
    public AlphaSelection {
        alphas = alphas.clone();
        runs = List.copyOf(runs);
    }

    /** The chosen run. */
    public ConservativeQLearning chosen() {
        return runs.get(selection.best());
    }

    /** A copy of the candidate weights. */
    @Override
    public double[] alphas() {
        return alphas.clone();
    }

    /** The chosen weight. */
    public double alpha() {
        return alphas[selection.best()];
    }

    /**
     * Trains and chooses.
     *
     * @param settings   every setting but alpha (whose value here is ignored)
     * @param alphas     the candidate weights, at least one
     * @param net        the Q-network, one-hot states of {@code net.inDim()} states in
     * @param theta      the initial parameters {@code [P]}, shared by every candidate
     * @param data       the dataset, with one-hot observations
     * @param family     the family the data comes from (the learners' step signature; no step is taken in it)
     * @param iterations iterations per candidate, at least 1
     * @param horizon    the family's episode length, for the FQE estimate
     * @param seeds      the minibatch draws' seed, the same for every candidate
     * @throws IllegalArgumentException if there is no candidate or {@code iterations < 1}
     */
    public static AlphaSelection run(CqlConfig settings, double[] alphas, Mlp net, INDArray theta,
                                     TransitionDataset data, TaskFamily<?, ?, ?> family, int iterations, int horizon,
                                     SeedTree seeds) {
        if (alphas.length == 0 || iterations < 1) {
            throw new IllegalArgumentException("alpha selection needs at least one weight and one iteration, got "
                    + alphas.length + " and " + iterations);
        }
        int states = net.inDim();
        int actions = net.outDim();
        StateIndex index = StateIndex.oneHot(states);
        EmpiricalMdp model = EmpiricalMdp.of(data, index, states, actions);
        double[] eye = StateIndex.oneHotObservations(states);
        List<ConservativeQLearning> runs = new ArrayList<>();
        List<double[]> policies = new ArrayList<>();
        for (double alpha : alphas) {
            ConservativeQLearning cql = new ConservativeQLearning(new CqlConfig(alpha, settings.gamma(),
                    settings.batchSize(), settings.stepsPerIteration(), settings.learningRate()), net, theta.dup(), data);
            var rng = seeds.generator();
            for (int i = 0; i < iterations; i++) {
                cql.metaStep(family, List.of(), rng);
            }
            runs.add(cql);
            policies.add(new GreedyTablePolicy(cql.q(eye), actions, index).probabilities());
        }
        FqeSelection selection = FqeSelection.of(policies, model, FqeSelection.starts(data, index), settings.gamma(),
                horizon);
        return new AlphaSelection(alphas, selection, runs);
    }
}
