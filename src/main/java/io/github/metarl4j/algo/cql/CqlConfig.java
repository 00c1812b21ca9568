package io.github.metarl4j.algo.cql;

/**
 * Conservative Q-learning's settings.
 *
 * @param alpha             the weight of the CQL(H) regulariser, at least 0 (0: fitted Q-learning)
 * @param gamma             the discount, in [0, 1)
 * @param batchSize         transitions per gradient step, drawn uniformly with replacement, at least 1
 * @param stepsPerIteration Adam steps per iteration (one row of the metrics file), at least 1; the target
 *                          network is the parameters at the start of the iteration
 * @param learningRate      Adam's step size, positive and finite
 */
public record CqlConfig(double alpha, double gamma, int batchSize, int stepsPerIteration, double learningRate) {

    /**
     * Checks the arguments and holds them:
     *
     * @param alpha             the weight of the CQL(H) regulariser, at least 0 (0: fitted Q-learning)
     * @param gamma             the discount, in [0, 1)
     * @param batchSize         transitions per gradient step, drawn uniformly with replacement, at least 1
     * @param stepsPerIteration Adam steps per iteration (one row of the metrics file), at least 1
     * @param learningRate      Adam's step size, positive and finite
     */
    public CqlConfig {
        if (!(alpha >= 0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("alpha must be finite and >= 0, got " + alpha);
        }
        if (!(gamma >= 0 && gamma < 1)) {
            throw new IllegalArgumentException("gamma must be in [0, 1), got " + gamma);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        }
        if (stepsPerIteration < 1) {
            throw new IllegalArgumentException("stepsPerIteration must be >= 1, got " + stepsPerIteration);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learningRate must be positive and finite, got " + learningRate);
        }
    }
}
