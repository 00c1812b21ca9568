package io.github.metarl4j.envs.tabular;

import io.github.metarl4j.env.EnvSpec;
import io.github.metarl4j.env.TaskFamily;
import io.github.metarl4j.space.Box;
import io.github.metarl4j.space.Discrete;
import io.github.metarl4j.task.TaskDistribution;
import io.github.metarl4j.task.TaskSplit;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The random tabular MDP family: each transition row {@code P(. | s, a) ~ Dirichlet(1, ..., 1)}
 * (drawn as normalised Exp(1) variables, which is exact for unit concentrations), each reward
 * mean {@code mu(s, a) ~ N(1, 1)}; the same distribution for meta-training and meta-test.
 */
public final class RandomMdps implements TaskDistribution<TabularMdp> {

    private final TabularMdpConfig config;

    /**
     * The distribution of {@code config}'s MDPs.
     *
     * @param config the states, actions and horizon
     */
    public RandomMdps(TabularMdpConfig config) {
        this.config = config;
    }

    @Override
    public List<TabularMdp> sample(int n, RandomGenerator rng) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, got " + n);
        }
        int s = config.states();
        int a = config.actions();
        List<TabularMdp> out = new ArrayList<>(n);
        for (int t = 0; t < n; t++) {
            double[] p = new double[s * a * s];
            for (int row = 0; row < s * a; row++) {
                double sum = 0;
                for (int next = 0; next < s; next++) {
                    double e = -Math.log(1 - rng.nextDouble());
                    p[row * s + next] = e;
                    sum += e;
                }
                for (int next = 0; next < s; next++) {
                    p[row * s + next] /= sum;
                }
            }
            double[] mu = new double[s * a];
            for (int i = 0; i < mu.length; i++) {
                mu[i] = 1 + rng.nextGaussian();
            }
            out.add(new TabularMdp(s, a, p, mu));
        }
        return out;
    }

    /**
     * The family {@code tabular-<S>x<A>}: one-hot observations of the state, {@code Discrete(A)},
     * episodes truncated at the horizon.
     */
    public static TaskFamily<TabularMdp, double[], Integer> family(TabularMdpConfig config) {
        return new TaskFamily<>("tabular-" + config.states() + "x" + config.actions(),
                new EnvSpec<>(Box.of(0, 1, config.states()), new Discrete(config.actions()), config.horizon()),
                TaskSplit.of(new RandomMdps(config)), TabularMdpEnv::new);
    }
}
