package io.github.metarl4j.envs.tabular;

import io.github.metarl4j.env.Env;
import io.github.metarl4j.env.StepResult;
import io.github.metarl4j.space.Discrete;
import java.util.SplittableRandom;

/**
 * One MDP played from state 0: observation the one-hot state {@code [S]}, reward
 * {@code N(mu(s, a), 1)}, next state from {@code P(. | s, a)}. Episodes never terminate; the
 * family's time limit truncates them.
 */
public final class TabularMdpEnv implements Env<double[], Integer> {

    private final TabularMdp mdp;
    private final Discrete actions;
    private SplittableRandom rng;
    private int state = -1;

    /**
     * The environment of {@code mdp}.
     *
     * @param mdp the transition probabilities and reward means
     */
    public TabularMdpEnv(TabularMdp mdp) {
        this.mdp = mdp;
        this.actions = new Discrete(mdp.actions());
    }

    @Override
    public double[] reset(long seed) {
        rng = new SplittableRandom(seed);
        state = 0;
        return oneHot(state);
    }

    @Override
    public StepResult<double[]> step(Integer action) {
        int a = actions.checked(action);
        if (state < 0) {
            throw new IllegalStateException("no running episode: call reset first");
        }
        double reward = mdp.mu(state, a) + rng.nextGaussian();
        double u = rng.nextDouble();
        int next = mdp.states() - 1;
        double cumulative = 0;
        for (int s = 0; s < mdp.states(); s++) {
            cumulative += mdp.p(state, a, s);
            if (u < cumulative) {
                next = s;
                break;
            }
        }
        state = next;
        return new StepResult<>(oneHot(state), reward, false, false);
    }

    private double[] oneHot(int s) {
        double[] o = new double[mdp.states()];
        o[s] = 1;
        return o;
    }
}
