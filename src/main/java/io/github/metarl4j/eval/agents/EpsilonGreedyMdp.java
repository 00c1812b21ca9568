package io.github.metarl4j.eval.agents;

import java.util.random.RandomGenerator;

/**
 * Plans on the posterior-mean MDP each episode and follows the plan, taking a uniformly random
 * action with probability epsilon; epsilon 0 is Greedy.
 */
public final class EpsilonGreedyMdp extends TabularAgent {

    /**
     * @param horizon the episode length
     * @param epsilon the exploration probability in [0, 1]
     */
    public EpsilonGreedyMdp(int horizon, double epsilon) {
        super(horizon, epsilon);
    }

    @Override
    protected double[][] model(Posterior post, RandomGenerator rng) {
        double[] p = new double[post.alpha.length];
        for (int row = 0; row < post.states * post.actions; row++) {
            double sum = 0;
            for (int s = 0; s < post.states; s++) {
                sum += post.alpha[row * post.states + s];
            }
            for (int s = 0; s < post.states; s++) {
                p[row * post.states + s] = post.alpha[row * post.states + s] / sum;
            }
        }
        return new double[][] {p, post.mu.clone()};
    }
}
