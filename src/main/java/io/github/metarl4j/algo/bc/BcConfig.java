package io.github.metarl4j.algo.bc;

/**
 * Behaviour cloning's settings.
 *
 * @param batchSize          transitions per gradient step, drawn uniformly with replacement, at least 1
 * @param stepsPerIteration  Adam steps per iteration (one iteration is one row of the metrics file), at least 1
 * @param learningRate       Adam's step size, positive and finite
 */
public record BcConfig(int batchSize, int stepsPerIteration, double learningRate) {

    /**
     * Checks the arguments and holds them:
     *
     * @param batchSize          transitions per gradient step, drawn uniformly with replacement, at least 1
     * @param stepsPerIteration  Adam steps per iteration (one iteration is one row of the metrics file), at least 1
     * @param learningRate       Adam's step size, positive and finite
     */
    public BcConfig {
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
