package io.github.metarl4j.offline.tabular;

import io.github.metarl4j.data.TransitionDataset;
import java.util.Arrays;

/**
 * The maximum-likelihood model of a dataset on S states and A actions: for each pair (s, a) its
 * count {@code N(s, a)}, mean reward {@code r(s, a)}, the share of its transitions that ended in a
 * terminal state {@code P(end | s, a)}, and the next-state distribution of the others,
 * {@code P(s' | s, a)} (summing to {@code 1 - P(end | s, a)}). A transition cut short (a timeout)
 * counts with its next state, as one that continues. Pairs absent from the data have count 0 and
 * zero everywhere else.
 *
 * @param states   S
 * @param actions  A
 * @param counts   {@code [S * A]}, {@code N(s, a)} at {@code s * A + a}
 * @param rewards  {@code [S * A]}, mean reward
 * @param ends     {@code [S * A]}, {@code P(end | s, a)}
 * @param next     {@code [S * A * S]}, {@code P(s' | s, a)} at {@code (s * A + a) * S + s'}
 * @param minReward the smallest reward in the data
 */
public record EmpiricalMdp(int states, int actions, int[] counts, double[] rewards, double[] ends, double[] next,
                           double minReward) {

    /**
     * Counts the transitions of {@code data} (discrete actions) with states from {@code index}.
     *
     * @throws IllegalArgumentException naming the row whose observation, next observation or action is not one
     *                                  of the S states or A actions
     */
    public static EmpiricalMdp of(TransitionDataset data, StateIndex index, int states, int actions) {
        if (data.actDim() != 1) {
            throw new IllegalArgumentException("a tabular model needs discrete actions, got action width "
                    + data.actDim());
        }
        int sa = states * actions;
        int[] counts = new int[sa];
        double[] rewards = new double[sa];
        double[] ends = new double[sa];
        double[] next = new double[sa * states];
        double[] obs = data.observations();
        double[] nextObs = data.nextObservations();
        double[] act = data.actions();
        double[] rew = data.rewards();
        boolean[] terminal = data.terminated();
        int d = data.obsDim();
        double minReward = Double.POSITIVE_INFINITY;
        for (int i = 0; i < data.size(); i++) {
            int s = state(index, obs, i, d, states, "observations");
            int a = (int) act[i];
            if (a < 0 || a >= actions) {
                throw new IllegalArgumentException("actions row " + i + ": expected one of " + actions + " actions, got "
                        + act[i]);
            }
            int k = s * actions + a;
            counts[k]++;
            rewards[k] += rew[i];
            minReward = Math.min(minReward, rew[i]);
            if (terminal[i]) {
                ends[k]++;
            } else {
                next[k * states + state(index, nextObs, i, d, states, "next_observations")]++;
            }
        }
        for (int k = 0; k < sa; k++) {
            if (counts[k] > 0) {
                rewards[k] /= counts[k];
                ends[k] /= counts[k];
                for (int s2 = 0; s2 < states; s2++) {
                    next[k * states + s2] /= counts[k];
                }
            }
        }
        return new EmpiricalMdp(states, actions, counts, rewards, ends, next, minReward);
    }

    /** {@code N(s, a)}. */
    public int count(int s, int a) {
        return counts[s * actions + a];
    }

    private static int state(StateIndex index, double[] values, int row, int width, int states, String field) {
        int s;
        try {
            s = index.of(Arrays.copyOfRange(values, row * width, (row + 1) * width));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " row " + row + ": " + e.getMessage(), e);
        }
        if (s < 0 || s >= states) {
            throw new IllegalArgumentException(field + " row " + row + ": state " + s + " is not one of " + states);
        }
        return s;
    }
}
