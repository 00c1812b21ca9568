package io.github.metarl4j.algo.rl2;

import io.github.metarl4j.advantage.Advantages;
import io.github.metarl4j.optim.OuterOptimizer;
import io.github.metarl4j.optim.PpoConfig;
import io.github.metarl4j.optim.TrpoConfig;

/**
 * RL^2's settings (the network's sizes are its {@link io.github.metarl4j.nn.SequenceModel}'s).
 *
 * @param episodesPerTrial n, episodes of a trial on one task, >= 1
 * @param gamma            discount over the whole trial (episode boundaries included), in [0, 1]
 * @param gaeLambda        GAE's lambda over the trial, in [0, 1]
 * @param inputs           what the network reads of each step: the paper's rows, or with state-action pairs
 * @param outer            PPO (Adam epochs on the clipped surrogate) or TRPO (one trust-region step per batch)
 * @param trpo             the trust region, conjugate gradient and line search, used when {@code outer} is TRPO
 * @param ppo              clip, epochs over each batch and Adam's learning rate, used when {@code outer} is PPO
 * @param minibatches      PPO: minibatches of whole trials per epoch, >= 1
 * @param targetKl         PPO: an update's epochs stop at the first minibatch whose mean KL from the
 *                         sampling policy, measured before its Adam step, exceeds this; 0 never stops
 * @param maxGradNorm      PPO: each minibatch gradient is scaled to at most this Euclidean norm
 *                         before its Adam step; 0 never scales
 * @param valueCoef        weight of the value head's squared error, >= 0
 * @param entropyCoef      weight of the entropy bonus, >= 0
 * @param rewardCoef       PPO: weight of the auxiliary reward prediction ({@link TrialLoss}), >= 0; 0 (the
 *                         paper's RL^2) trains no auxiliary head
 */
public record Rl2Config(int episodesPerTrial, double gamma, double gaeLambda, Rl2Inputs inputs, OuterOptimizer outer,
                        TrpoConfig trpo,
                        PpoConfig ppo, int minibatches, double targetKl, double maxGradNorm, double valueCoef,
                        double entropyCoef, double rewardCoef) {

    /**
     * Checks the arguments and holds them:
     *
     * @param episodesPerTrial n, episodes of a trial on one task, >= 1
     * @param gamma            discount over the whole trial (episode boundaries included), in [0, 1]
     * @param gaeLambda        GAE's lambda over the trial, in [0, 1]
     * @param inputs           PAPER, PAIRS, COUNTS or PREVIOUS_STATE ({@link Rl2Inputs})
     * @param outer            PPO or TRPO
     * @param trpo             TRPO's settings, used when {@code outer} is TRPO
     * @param ppo              PPO's settings, used when {@code outer} is PPO
     * @param minibatches      PPO: minibatches of whole trials per epoch, >= 1
     * @param targetKl         PPO: the KL that stops an update's epochs, >= 0 (0: never)
     * @param maxGradNorm      PPO: the largest gradient norm of an Adam step, >= 0 (0: no clipping)
     * @param valueCoef        weight of the value head's squared error, >= 0
     * @param entropyCoef      weight of the entropy bonus, >= 0
     * @param rewardCoef       PPO: weight of the auxiliary reward prediction, >= 0 (0: none); TRPO takes 0
     */
    public Rl2Config {
        if (episodesPerTrial < 1) {
            throw new IllegalArgumentException("episodesPerTrial must be >= 1, got " + episodesPerTrial);
        }
        Advantages.checkDiscounts(gamma, gaeLambda);
        if (inputs == null) {
            throw new IllegalArgumentException("inputs must be one of " + java.util.Arrays.toString(Rl2Inputs.values())
                    + ", got null");
        }
        if (outer == null) {
            throw new IllegalArgumentException("outer optimiser must be one of "
                    + java.util.Arrays.toString(OuterOptimizer.values()) + ", got null");
        }
        if (trpo == null) {
            throw new IllegalArgumentException("trpo settings must be given");
        }
        if (ppo == null) {
            throw new IllegalArgumentException("ppo settings must be given");
        }
        if (minibatches < 1) {
            throw new IllegalArgumentException("minibatches must be >= 1, got " + minibatches);
        }
        nonNegative("targetKl", targetKl);
        nonNegative("maxGradNorm", maxGradNorm);
        nonNegative("valueCoef", valueCoef);
        nonNegative("entropyCoef", entropyCoef);
        nonNegative("rewardCoef", rewardCoef);
        if (rewardCoef > 0 && outer == OuterOptimizer.TRPO) {
            throw new IllegalArgumentException("rewardCoef " + rewardCoef + " needs outer PPO: TRPO's step is bounded"
                    + " by the policy's KL, which does not bound the reward head; use rewardCoef 0 with TRPO");
        }
    }

    /** The auxiliary head's width the network needs: {@code actions} with a reward prediction, else 0. */
    public int auxiliaryWidth(int actions) {
        return rewardCoef > 0 ? actions : 0;
    }

    private static void nonNegative(String name, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be finite and >= 0, got " + v);
        }
    }

    /**
     * PPO's settings with the library's defaults for the rest: the paper's inputs, no KL stop, no
     * gradient clipping, no reward prediction, the MAML paper's TRPO settings (unused).
     */
    public static Rl2Config ppo(int episodesPerTrial, double gamma, double gaeLambda, PpoConfig ppo, int minibatches,
                                double valueCoef, double entropyCoef) {
        return new Rl2Config(episodesPerTrial, gamma, gaeLambda, Rl2Inputs.PAPER, OuterOptimizer.PPO,
                TrpoConfig.MAML_PAPER, ppo,
                minibatches, 0, 0, valueCoef, entropyCoef, 0);
    }
}
