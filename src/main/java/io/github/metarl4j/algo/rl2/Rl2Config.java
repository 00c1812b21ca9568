package io.github.metarl4j.algo.rl2;

import io.github.metarl4j.advantage.Advantages;
import io.github.metarl4j.optim.PpoConfig;

/**
 * RL^2's settings (the network's sizes are its {@link io.github.metarl4j.nn.SequenceModel}'s).
 *
 * @param episodesPerTrial n, episodes of a trial on one task, >= 1
 * @param gamma            discount over the whole trial (episode boundaries included), in [0, 1]
 * @param gaeLambda        GAE's lambda over the trial, in [0, 1]
 * @param ppo              clip, epochs over each batch and Adam's learning rate
 * @param minibatches      minibatches of whole trials per epoch, >= 1
 * @param valueCoef        weight of the value head's squared error, >= 0
 * @param entropyCoef      weight of the entropy bonus, >= 0
 */
public record Rl2Config(int episodesPerTrial, double gamma, double gaeLambda, PpoConfig ppo,
                        int minibatches, double valueCoef, double entropyCoef) {

    /**
     * Checks the arguments and holds them:
     *
     * @param episodesPerTrial n, episodes of a trial on one task, >= 1
     * @param gamma            discount over the whole trial (episode boundaries included), in [0, 1]
     * @param gaeLambda        GAE's lambda over the trial, in [0, 1]
     * @param ppo              clip, epochs over each batch and Adam's learning rate
     * @param minibatches      minibatches of whole trials per epoch, >= 1
     * @param valueCoef        weight of the value head's squared error, >= 0
     * @param entropyCoef      weight of the entropy bonus, >= 0
     */
    public Rl2Config {
        if (episodesPerTrial < 1) {
            throw new IllegalArgumentException("episodesPerTrial must be >= 1, got " + episodesPerTrial);
        }
        Advantages.checkDiscounts(gamma, gaeLambda);
        if (ppo == null) {
            throw new IllegalArgumentException("ppo settings must be given");
        }
        if (minibatches < 1) {
            throw new IllegalArgumentException("minibatches must be >= 1, got " + minibatches);
        }
        if (!(valueCoef >= 0) || Double.isInfinite(valueCoef)) {
            throw new IllegalArgumentException("valueCoef must be finite and >= 0, got " + valueCoef);
        }
        if (!(entropyCoef >= 0) || Double.isInfinite(entropyCoef)) {
            throw new IllegalArgumentException("entropyCoef must be finite and >= 0, got " + entropyCoef);
        }
    }
}
