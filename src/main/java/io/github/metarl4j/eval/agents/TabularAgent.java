package io.github.metarl4j.eval.agents;

import io.github.metarl4j.sampler.TrialInputs;
import io.github.metarl4j.sampler.TrialPolicy;
import java.util.random.RandomGenerator;

/**
 * A model-based agent for tabular MDPs with one-hot observations: per trial a Dirichlet(1)
 * posterior over each transition row and a Normal posterior over each reward mean (prior N(0, 1),
 * unit reward noise), updated from every step's previous action and reward; at the start of each
 * episode it plans on an MDP taken from the posterior (a subclass says which) by finite-horizon
 * value iteration and then follows the plan. The transition of an episode's last step is not
 * counted (the input after it shows the next episode's start state, not where that step led).
 */
public abstract class TabularAgent implements TrialPolicy {

    private final int horizon;
    private final double epsilon;

    /**
     * @param horizon the episode length the plans cover, >= 1
     * @param epsilon the probability of a uniformly random action instead of the plan's, in [0, 1]
     */
    protected TabularAgent(int horizon, double epsilon) {
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be >= 1, got " + horizon);
        }
        if (!(epsilon >= 0 && epsilon <= 1)) {
            throw new IllegalArgumentException("epsilon must be in [0, 1], got " + epsilon);
        }
        this.horizon = horizon;
        this.epsilon = epsilon;
    }

    /** One trial's posterior and plan. */
    protected static final class Posterior {
        /** S. */
        public final int states;
        /** A. */
        public final int actions;
        /** {@code [S * A * S]} Dirichlet parameters. */
        public final double[] alpha;
        /** {@code [S * A]} posterior means of the reward means. */
        public final double[] mu;
        /** {@code [S * A]} posterior precisions of the reward means. */
        public final double[] tau;
        double[][] q;
        int step;
        int state = -1;

        Posterior(int states, int actions) {
            this.states = states;
            this.actions = actions;
            alpha = new double[states * actions * states];
            java.util.Arrays.fill(alpha, 1.0);
            mu = new double[states * actions];
            tau = new double[states * actions];
            java.util.Arrays.fill(tau, 1.0);
        }
    }

    @Override
    public final Actor start(int trials, TrialInputs layout) {
        Posterior[] post = new Posterior[trials];
        for (int b = 0; b < trials; b++) {
            post[b] = new Posterior(layout.obsDim(), layout.actions());
        }
        return (inputs, active, rng, actions) -> {
            for (int b = 0; b < trials; b++) {
                if (active[b]) {
                    actions[b] = act(post[b], layout, inputs, b, rng.row(b));
                }
            }
        };
    }

    private int act(Posterior p, TrialInputs layout, double[] inputs, int row, RandomGenerator rng) {
        int state = layout.observedIndex(inputs, row);
        java.util.OptionalInt previous = layout.previousAction(inputs, row);
        boolean newEpisode = previous.isEmpty() || layout.previousEnded(inputs, row);
        if (previous.isPresent()) {
            observe(p, p.state, previous.getAsInt(), layout.previousReward(inputs, row), layout.previousEnded(inputs, row),
                    state);
        }
        if (newEpisode) {
            p.q = plan(model(p, rng), p.states, p.actions, horizon);
            p.step = 0;
        } else if (++p.step >= horizon) {
            throw new IllegalStateException("an episode ran past the agent's horizon " + horizon);
        }
        p.state = state;
        if (epsilon > 0 && rng.nextDouble() < epsilon) {
            return rng.nextInt(p.actions);
        }
        return argmaxRandomTies(p.q[p.step], state * p.actions, p.actions, rng);
    }

    /**
     * Counts one step: the reward posterior of {@code (state, action)} (prior precision plus one
     * per observation, unit noise) and, unless the step ended its episode, the transition to
     * {@code next}.
     */
    static void observe(Posterior p, int state, int action, double reward, boolean ended, int next) {
        int sa = state * p.actions + action;
        double tau1 = p.tau[sa] + 1;
        p.mu[sa] = (p.mu[sa] * p.tau[sa] + reward) / tau1;
        p.tau[sa] = tau1;
        if (!ended) {
            p.alpha[sa * p.states + next] += 1;
        }
    }

    /**
     * The MDP to plan on: {@code [0]} transitions {@code [S * A * S]}, {@code [1]} reward means
     * {@code [S * A]}.
     */
    protected abstract double[][] model(Posterior posterior, RandomGenerator rng);

    /** {@code [H][S * A]}: finite-horizon action values, {@code Q_h = mu + P V_{h+1}}, {@code V_H = 0}. */
    static double[][] plan(double[][] model, int states, int actions, int horizon) {
        double[] p = model[0];
        double[] r = model[1];
        double[][] q = new double[horizon][states * actions];
        double[] v = new double[states];
        for (int h = horizon - 1; h >= 0; h--) {
            double[] next = new double[states];
            for (int s = 0; s < states; s++) {
                double best = Double.NEGATIVE_INFINITY;
                for (int a = 0; a < actions; a++) {
                    int sa = s * actions + a;
                    double value = r[sa];
                    for (int s2 = 0; s2 < states; s2++) {
                        value += p[sa * states + s2] * v[s2];
                    }
                    q[h][sa] = value;
                    best = Math.max(best, value);
                }
                next[s] = best;
            }
            v = next;
        }
        return q;
    }

    private static int argmaxRandomTies(double[] q, int offset, int actions, RandomGenerator rng) {
        double best = Double.NEGATIVE_INFINITY;
        int count = 0;
        int choice = 0;
        for (int a = 0; a < actions; a++) {
            double v = q[offset + a];
            if (v > best) {
                best = v;
                count = 1;
                choice = a;
            } else if (v == best && rng.nextInt(++count) == 0) {
                choice = a;
            }
        }
        return choice;
    }
}
