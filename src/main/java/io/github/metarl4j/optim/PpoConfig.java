package io.github.metarl4j.optim;

/**
 * PPO's outer-step settings (Schulman et al., "Proximal Policy Optimization Algorithms", 2017),
 * with the paper's optional linear anneal of Adam's learning rate to 0.
 *
 * @param clip         epsilon of the clipped ratio {@code clip(r, 1 - eps, 1 + eps)}, in (0, 1) (0.2)
 * @param epochs       Adam steps on each meta-batch, >= 1 (5)
 * @param learningRate Adam's learning rate (at the first meta-batch when it decays), > 0 (1e-3)
 * @param decayBatches 0: a constant learning rate; else the meta-batches over which it falls linearly
 *                     to 0 (the run's {@code run.metaBatches}, as in the paper), counted in the
 *                     learner's Adam steps per batch ({@link #learningRate(int)}), >= 0
 */
public record PpoConfig(double clip, int epochs, double learningRate, int decayBatches)
        implements java.io.Serializable {

    /** Defaults: clip 0.2, 5 epochs, constant learning rate 1e-3. */
    public static final PpoConfig DEFAULT = PpoConfig.constant(0.2, 5, 1e-3);

    /**
     * Checks the arguments and holds them:
     *
     * @param clip         epsilon of the clipped ratio {@code clip(r, 1 - eps, 1 + eps)}, in (0, 1) (0.2)
     * @param epochs       Adam steps on each meta-batch, >= 1 (5)
     * @param learningRate Adam's learning rate at the first meta-batch, > 0 (1e-3)
     * @param decayBatches meta-batches of the linear anneal to 0, >= 0 (0: constant)
     */
    public PpoConfig {
        if (!(clip > 0 && clip < 1)) {
            throw new IllegalArgumentException("clip must be in (0, 1), got " + clip);
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learningRate must be finite and > 0, got " + learningRate);
        }
        if (decayBatches < 0) {
            throw new IllegalArgumentException("decayBatches must be >= 0 (0: a constant learning rate), got "
                    + decayBatches);
        }
    }

    /** PPO with a constant learning rate. */
    public static PpoConfig constant(double clip, int epochs, double learningRate) {
        return new PpoConfig(clip, epochs, learningRate, 0);
    }

    /**
     * The rate by Adam step for a learner taking {@code stepsPerBatch} Adam steps per meta-batch
     * (MAML: {@code epochs}; RL^2: {@code epochs} times its minibatches): constant, or 0 from step
     * {@code decayBatches * stepsPerBatch} on. A learner that stops a batch's epochs early (RL^2's
     * KL stop) takes fewer steps per batch, so its anneal stretches over more batches.
     */
    public LearningRate learningRate(int stepsPerBatch) {
        if (stepsPerBatch < 1) {
            throw new IllegalArgumentException("Adam steps per meta-batch must be >= 1, got " + stepsPerBatch);
        }
        return decayBatches == 0 ? LearningRate.constant(learningRate)
                : new LearningRate(learningRate, 0, (long) decayBatches * stepsPerBatch);
    }
}
