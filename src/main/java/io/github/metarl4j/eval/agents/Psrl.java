package io.github.metarl4j.eval.agents;

import java.util.random.RandomGenerator;
import org.apache.commons.math3.distribution.GammaDistribution;

/**
 * Posterior sampling for reinforcement learning (Osband, Russo and Van Roy 2013): at the start of
 * each episode draw an MDP from the posterior (each transition row from its Dirichlet as
 * normalised Gamma draws, each reward mean from its Normal; Commons Math) and follow its optimal
 * finite-horizon plan.
 */
public final class Psrl extends TabularAgent {

    /** @param horizon the episode length */
    public Psrl(int horizon) {
        super(horizon, 0);
    }

    @Override
    protected double[][] model(Posterior post, RandomGenerator rng) {
        CommonsRandom source = new CommonsRandom(rng);
        double[] p = new double[post.alpha.length];
        for (int row = 0; row < post.states * post.actions; row++) {
            double sum = 0;
            for (int s = 0; s < post.states; s++) {
                double g = new GammaDistribution(source, post.alpha[row * post.states + s], 1).sample();
                p[row * post.states + s] = g;
                sum += g;
            }
            for (int s = 0; s < post.states; s++) {
                p[row * post.states + s] /= sum;
            }
        }
        double[] r = new double[post.mu.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = post.mu[i] + rng.nextGaussian() / Math.sqrt(post.tau[i]);
        }
        return new double[][] {p, r};
    }
}
