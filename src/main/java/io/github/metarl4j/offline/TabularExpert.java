package io.github.metarl4j.offline;

import io.github.metarl4j.envs.tabular.TabularMdp;
import io.github.metarl4j.envs.tabular.TabularOracle;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The random tabular MDPs' expert: finite-horizon value iteration on the true MDP
 * ({@link TabularOracle#values}), acting in every state as the optimal policy acts with the whole
 * horizon to go, {@code argmax_a [mu(s, a) + sum_s' P(s' | s, a) V_1(s')]} (ties to the lowest
 * action). The optimal policy of these episodes depends on the steps left, which the observation
 * does not show; this is the stationary policy that is optimal at the episode's first step, as the
 * grid world's expert is. How far its return falls below the optimum is measured
 * (results-offline.md). Greedy actions are kept per MDP; a row that shows no state (an ended
 * episode's zeros) acts 0.
 */
public final class TabularExpert implements Expert<TabularMdp> {

    private final int horizon;
    private final Map<TabularMdp, int[]> solved = new ConcurrentHashMap<>();

    /**
     * @param horizon the episode length, at least 1
     * @throws IllegalArgumentException if {@code horizon < 1}
     */
    public TabularExpert(int horizon) {
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be >= 1, got " + horizon);
        }
        this.horizon = horizon;
    }

    @Override
    public int action(TabularMdp task, double[] observation) {
        if (observation.length != task.states()) {
            throw new IllegalArgumentException("expected a one-hot state of " + task.states() + " states, got "
                    + observation.length + " values");
        }
        int[] greedy = solved.computeIfAbsent(task, this::solve);
        int s = -1;
        for (int i = 0; i < observation.length; i++) {
            s = observation[i] == 1 ? i : s;
        }
        return s < 0 ? 0 : greedy[s];
    }

    private int[] solve(TabularMdp mdp) {
        double[] next = TabularOracle.values(mdp, horizon)[1];
        int[] greedy = new int[mdp.states()];
        for (int s = 0; s < mdp.states(); s++) {
            double best = Double.NEGATIVE_INFINITY;
            for (int a = 0; a < mdp.actions(); a++) {
                double q = mdp.mu(s, a);
                for (int s2 = 0; s2 < mdp.states(); s2++) {
                    q += mdp.p(s, a, s2) * next[s2];
                }
                if (q > best) {
                    best = q;
                    greedy[s] = a;
                }
            }
        }
        return greedy;
    }
}
