package io.github.metarl4j.offline;

import io.github.metarl4j.envs.tabular.TabularMdp;
import io.github.metarl4j.offline.tabular.EmpiricalMdp;
import java.util.Arrays;

/**
 * A random tabular MDP's true model in the shape of an empirical one (every pair counted once,
 * its mean reward and transition row exact, no terminal state), so that the exact value of any
 * policy is {@link io.github.metarl4j.offline.tabular.TabularFqe} on it: with {@code gamma = 1} and
 * the episode's H steps, {@code V_H(0)} is the policy's expected return, which offline learners on
 * these MDPs are scored by, free of the N(0, 1) reward noise of sampled episodes.
 */
public final class TabularModel {

    private TabularModel() {
    }

    /** The model of {@code mdp}, states and actions as in the MDP. */
    public static EmpiricalMdp of(TabularMdp mdp) {
        int sa = mdp.states() * mdp.actions();
        int[] counts = new int[sa];
        Arrays.fill(counts, 1);
        double[] rewards = new double[sa];
        double[] next = new double[sa * mdp.states()];
        for (int s = 0; s < mdp.states(); s++) {
            for (int a = 0; a < mdp.actions(); a++) {
                rewards[s * mdp.actions() + a] = mdp.mu(s, a);
                for (int s2 = 0; s2 < mdp.states(); s2++) {
                    next[(s * mdp.actions() + a) * mdp.states() + s2] = mdp.p(s, a, s2);
                }
            }
        }
        return new EmpiricalMdp(mdp.states(), mdp.actions(), counts, rewards, new double[sa], next,
                Arrays.stream(rewards).min().orElseThrow());
    }
}
