package io.github.metarl4j.offline.tabular;

import io.github.metarl4j.data.TransitionDataset;
import java.util.Arrays;
import java.util.List;

/**
 * Offline policy selection by fitted Q evaluation (Paine et al. 2020, "Hyperparameter Selection for
 * Offline Reinforcement Learning"): each candidate policy's value is estimated from the dataset alone,
 * by {@link TabularFqe} on the data's empirical MDP with H steps left (the family's time limit),
 * averaged over the states the data's episodes start in, and the candidate with the largest estimate
 * is chosen (ties to the first). A pair the data never tried is valued at the data's smallest reward
 * (or 0, if that is smaller: an episode may end) on every remaining step, so a candidate that leaves
 * the data's support is not rewarded for it. No
 * environment step and no test score enters the choice.
 *
 * @param best      the index of the chosen candidate
 * @param estimates {@code [K]}, each candidate's estimated discounted return
 */
public record FqeSelection(int best, double[] estimates) {

    /**
     * Holds a copy:
     *
     * @param best      the index of the chosen candidate
     * @param estimates {@code [K]}, each candidate's estimated discounted return
     */
    public FqeSelection {
        estimates = estimates.clone();
    }

    /** A copy of the estimates. */
    @Override
    public double[] estimates() {
        return estimates.clone();
    }

    /**
     * Estimates and chooses.
     *
     * @param candidates each a policy table {@code pi [S * A]} (row s: {@code pi(. | s)})
     * @param model      the data's empirical MDP
     * @param starts     the states the data's episodes start in ({@link #starts}), at least one
     * @param gamma      the discount, in [0, 1]
     * @param horizon    steps per episode, at least 1
     * @throws IllegalArgumentException if there is no candidate or no start, or a table has the wrong length
     */
    public static FqeSelection of(List<double[]> candidates, EmpiricalMdp model, int[] starts, double gamma,
                                  int horizon) {
        if (candidates.isEmpty() || starts.length == 0) {
            throw new IllegalArgumentException("selection needs at least one candidate and one start state, got "
                    + candidates.size() + " and " + starts.length);
        }
        double[] estimates = new double[candidates.size()];
        int best = 0;
        for (int i = 0; i < estimates.length; i++) {
            estimates[i] = value(candidates.get(i), model, starts, gamma, horizon);
            best = estimates[i] > estimates[best] ? i : best;
        }
        return new FqeSelection(best, estimates);
    }

    /** One policy's estimate: the mean over {@code starts} of {@code V_H(s_0)} on {@code model}. */
    public static double value(double[] pi, EmpiricalMdp model, int[] starts, double gamma, int horizon) {
        double[] v = TabularFqe.values(TabularFqe.evaluate(model, pi, gamma, Math.min(0, model.minReward()), horizon), pi,
                model.states(), model.actions());
        return Arrays.stream(starts).mapToDouble(s -> v[s]).average().orElseThrow();
    }

    /** The state each episode of {@code data} starts in, {@code [E]}. */
    public static int[] starts(TransitionDataset data, StateIndex index) {
        int d = data.obsDim();
        double[] obs = data.observations();
        return Arrays.stream(data.episodeStarts()).limit(data.episodes())
                .map(row -> index.of(Arrays.copyOfRange(obs, row * d, (row + 1) * d))).toArray();
    }
}
