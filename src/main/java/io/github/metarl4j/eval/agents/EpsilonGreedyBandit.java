package io.github.metarl4j.eval.agents;

import java.util.random.RandomGenerator;

/** With probability epsilon a random arm, else the arm of highest posterior mean; epsilon 0 is Greedy. */
public final class EpsilonGreedyBandit extends BanditAgent {

    private final double epsilon;

    /** @param epsilon the exploration probability in [0, 1] */
    public EpsilonGreedyBandit(double epsilon) {
        if (!(epsilon >= 0 && epsilon <= 1)) {
            throw new IllegalArgumentException("epsilon must be in [0, 1], got " + epsilon);
        }
        this.epsilon = epsilon;
    }

    @Override
    protected int choose(Arms arms, RandomGenerator rng) {
        if (epsilon > 0 && rng.nextDouble() < epsilon) {
            return rng.nextInt(arms.arms());
        }
        double[] means = new double[arms.arms()];
        for (int i = 0; i < means.length; i++) {
            means[i] = arms.mean(i);
        }
        return argmax(means);
    }
}
