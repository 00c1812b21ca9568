package io.github.metarl4j.envs.tabular;

import io.github.metarl4j.task.Task;
import java.util.Arrays;

/**
 * One tabular MDP.
 *
 * @param states      S, >= 1
 * @param actions     A, >= 1
 * @param transitions {@code [S * A * S]}: {@code P(s' | s, a)} at {@code (s * A + a) * S + s'}; each row sums to 1
 * @param rewardMeans {@code [S * A]}: {@code mu(s, a)} at {@code s * A + a}
 */
public record TabularMdp(int states, int actions, double[] transitions, double[] rewardMeans) implements Task {

    /**
     * Checks the arguments and holds them:
     *
     * @param states      S, >= 1
     * @param actions     A, >= 1
     * @param transitions {@code [S * A * S]}: {@code P(s' | s, a)} at {@code (s * A + a) * S + s'}; each row sums to 1
     * @param rewardMeans {@code [S * A]}: {@code mu(s, a)} at {@code s * A + a}
     */
    public TabularMdp {
        if (states < 1 || actions < 1) {
            throw new IllegalArgumentException("states and actions must be >= 1, got " + states + " and " + actions);
        }
        if (transitions == null || transitions.length != states * actions * states) {
            throw new IllegalArgumentException("transitions must have S * A * S = " + states * actions * states
                    + " entries, got " + (transitions == null ? "none" : transitions.length));
        }
        if (rewardMeans == null || rewardMeans.length != states * actions) {
            throw new IllegalArgumentException("rewardMeans must have S * A = " + states * actions + " entries, got "
                    + (rewardMeans == null ? "none" : rewardMeans.length));
        }
        for (int row = 0; row < states * actions; row++) {
            double sum = 0;
            for (int s = 0; s < states; s++) {
                double p = transitions[row * states + s];
                if (!(p >= 0)) {
                    throw new IllegalArgumentException("transition probabilities must be >= 0, got " + p
                            + " in row (s=" + row / actions + ", a=" + row % actions + ")");
                }
                sum += p;
            }
            if (Math.abs(sum - 1) > 1e-9) {
                throw new IllegalArgumentException("transition row (s=" + row / actions + ", a=" + row % actions
                        + ") sums to " + sum + ", expected 1");
            }
        }
        transitions = transitions.clone();
        rewardMeans = rewardMeans.clone();
    }

    /** {@code P(next | s, a)}. */
    public double p(int s, int a, int next) {
        return transitions[(s * actions + a) * states + next];
    }

    /** {@code mu(s, a)}. */
    public double mu(int s, int a) {
        return rewardMeans[s * actions + a];
    }

    @Override
    public double[] transitions() {
        return transitions.clone();
    }

    @Override
    public double[] rewardMeans() {
        return rewardMeans.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TabularMdp m && states == m.states && actions == m.actions
                && Arrays.equals(transitions, m.transitions) && Arrays.equals(rewardMeans, m.rewardMeans);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(transitions) + Arrays.hashCode(rewardMeans);
    }

    @Override
    public String toString() {
        return "TabularMdp(S=" + states + ", A=" + actions + ", mu=" + Arrays.toString(rewardMeans) + ")";
    }
}
