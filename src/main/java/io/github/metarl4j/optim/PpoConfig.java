package io.github.metarl4j.optim;

/**
 * PPO's outer-step settings (Schulman et al., "Proximal Policy Optimization Algorithms", 2017).
 *
 * @param clip         epsilon of the clipped ratio {@code clip(r, 1 - eps, 1 + eps)}, in (0, 1) (0.2)
 * @param epochs       Adam steps on each meta-batch, >= 1 (5)
 * @param learningRate Adam's learning rate, > 0 (1e-3)
 */
public record PpoConfig(double clip, int epochs, double learningRate) implements java.io.Serializable {

    /** Defaults: clip 0.2, 5 epochs, learning rate 1e-3. */
    public static final PpoConfig DEFAULT = new PpoConfig(0.2, 5, 1e-3);

    /**
     * Checks the arguments and holds them:
     *
     * @param clip         epsilon of the clipped ratio {@code clip(r, 1 - eps, 1 + eps)}, in (0, 1) (0.2)
     * @param epochs       Adam steps on each meta-batch, >= 1 (5)
     * @param learningRate Adam's learning rate, > 0 (1e-3)
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
    }
}
