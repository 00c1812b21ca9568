package io.github.metarl4j.envs.tabular;

import io.github.metarl4j.task.Oracle;

/**
 * The optimal expected return of one episode: finite-horizon value iteration on the known MDP,
 * {@code V_H = 0}, {@code V_t(s) = max_a [mu(s, a) + sum_s' P(s' | s, a) V_{t+1}(s')]}, read at
 * {@code V_0(0)}.
 */
public final class TabularOracle implements Oracle<TabularMdp> {

    private final int horizon;

    /**
     * The oracle for episodes of {@code horizon} steps.
     *
     * @param horizon the episode length, >= 1
     */
    public TabularOracle(int horizon) {
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be >= 1, got " + horizon);
        }
        this.horizon = horizon;
    }

    @Override
    public double optimalReturn(TabularMdp mdp) {
        return values(mdp, horizon)[0][0];
    }

    /**
     * {@code [H + 1][S]}: the optimal value of each state with t steps done, for any MDP given by
     * its means (also the planner of the reference agents).
     */
    public static double[][] values(TabularMdp mdp, int horizon) {
        int s = mdp.states();
        double[][] v = new double[horizon + 1][s];
        for (int t = horizon - 1; t >= 0; t--) {
            for (int state = 0; state < s; state++) {
                double best = Double.NEGATIVE_INFINITY;
                for (int a = 0; a < mdp.actions(); a++) {
                    double q = mdp.mu(state, a);
                    for (int next = 0; next < s; next++) {
                        q += mdp.p(state, a, next) * v[t + 1][next];
                    }
                    best = Math.max(best, q);
                }
                v[t][state] = best;
            }
        }
        return v;
    }
}
