package io.github.metarl4j.eval.agents;

import java.util.random.RandomGenerator;

/**
 * UCB1 (Auer, Cesa-Bianchi and Fischer 2002) on the Beta(1, 1) posterior: the arm maximising
 * {@code mean_i + c sqrt(2 ln t / (2 + n_i))} after t pulls, with n_i the arm's pulls (the prior's
 * two pseudo-pulls included, so no arm needs a forced first pull); the first pull is arm 0.
 */
public final class Ucb1Bandit extends BanditAgent {

    private final double c;

    /** @param c the exploration constant, >= 0 (1 is the textbook UCB1) */
    public Ucb1Bandit(double c) {
        if (!(c >= 0) || Double.isInfinite(c)) {
            throw new IllegalArgumentException("c must be finite and >= 0, got " + c);
        }
        this.c = c;
    }

    @Override
    protected int choose(Arms arms, RandomGenerator rng) {
        if (arms.t == 0) {
            return 0;
        }
        double[] index = new double[arms.arms()];
        for (int i = 0; i < index.length; i++) {
            index[i] = index(arms.mean(i), arms.pulls[i] + 2, arms.t, c);
        }
        return argmax(index);
    }

    /** {@code mean + c sqrt(2 ln t / n)}. */
    static double index(double mean, double n, int t, double c) {
        return mean + c * Math.sqrt(2 * Math.log(t) / n);
    }
}
