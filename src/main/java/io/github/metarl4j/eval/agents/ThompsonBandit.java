package io.github.metarl4j.eval.agents;

import java.util.random.RandomGenerator;
import org.apache.commons.math3.distribution.BetaDistribution;

/**
 * Thompson sampling (Thompson 1933) for Bernoulli arms: draw each arm's mean from its Beta(1 +
 * successes, 1 + failures) posterior (Commons Math) and pull the arm of the largest draw.
 */
public final class ThompsonBandit extends BanditAgent {

    @Override
    protected void observe(double reward) {
        requireBernoulli(reward, "Thompson sampling");
    }

    @Override
    protected int choose(Arms arms, RandomGenerator rng) {
        CommonsRandom source = new CommonsRandom(rng);
        double[] draw = new double[arms.arms()];
        for (int i = 0; i < draw.length; i++) {
            draw[i] = new BetaDistribution(source, 1 + arms.sums[i], 1 + arms.pulls[i] - arms.sums[i]).sample();
        }
        return argmax(draw);
    }
}
