package io.github.metarl4j.eval.agents;

import io.github.metarl4j.sampler.TrialInputs;
import io.github.metarl4j.sampler.TrialPolicy;
import java.util.random.RandomGenerator;

/**
 * A bandit agent: per trial, each arm's pulls and reward sum, updated from the previous action and
 * reward of each input row; a subclass chooses the next arm from them. Ties go to the lowest arm
 * index (arm order is random across tasks).
 */
public abstract class BanditAgent implements TrialPolicy {

    /** One trial's statistics. */
    protected static final class Arms {
        /** {@code [k]} pulls of each arm. */
        public final double[] pulls;
        /** {@code [k]} reward sum of each arm. */
        public final double[] sums;
        /** Pulls so far in the trial. */
        public int t;

        Arms(int k) {
            pulls = new double[k];
            sums = new double[k];
        }

        /** The posterior mean under a Beta(1, 1) prior: {@code (1 + sum) / (2 + pulls)}. */
        public double mean(int arm) {
            return (1 + sums[arm]) / (2 + pulls[arm]);
        }

        /** The number of arms. */
        public int arms() {
            return pulls.length;
        }
    }

    @Override
    public final Actor start(int trials, TrialInputs layout) {
        Arms[] stats = new Arms[trials];
        for (int b = 0; b < trials; b++) {
            stats[b] = new Arms(layout.actions());
        }
        return (inputs, active, rng, actions) -> {
            for (int b = 0; b < trials; b++) {
                if (!active[b]) {
                    continue;
                }
                java.util.OptionalInt pulled = layout.previousAction(inputs, b);
                if (pulled.isPresent()) {
                    int previous = pulled.getAsInt();
                    double reward = layout.previousReward(inputs, b);
                    observe(reward);
                    stats[b].pulls[previous]++;
                    stats[b].sums[previous] += reward;
                    stats[b].t++;
                }
                actions[b] = choose(stats[b], rng.row(b));
            }
        };
    }

    /** Checks a reward before it is counted (Beta-posterior agents require Bernoulli rewards). */
    protected void observe(double reward) {
    }

    /** The arm to pull next. */
    protected abstract int choose(Arms arms, RandomGenerator rng);

    /** The arm with the largest {@code value}, the lowest index among ties. */
    protected static int argmax(double[] value) {
        int best = 0;
        for (int i = 1; i < value.length; i++) {
            if (value[i] > value[best]) {
                best = i;
            }
        }
        return best;
    }

    /** Requires a 0/1 reward. */
    protected static void requireBernoulli(double reward, String agent) {
        if (reward != 0 && reward != 1) {
            throw new IllegalArgumentException(agent + " keeps Beta posteriors and needs Bernoulli (0/1) rewards, got "
                    + reward);
        }
    }
}
