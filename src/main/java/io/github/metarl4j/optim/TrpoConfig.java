package io.github.metarl4j.optim;

/**
 * TRPO's outer-step settings (Schulman et al., ICML 2015); the defaults are the MAML paper's.
 *
 * @param maxKl          the KL bound delta, > 0 (0.01)
 * @param cgIterations   conjugate-gradient iterations, >= 1 (10)
 * @param cgDamping      damping added to the curvature, >= 0 (1e-5)
 * @param lineSearchSteps backtracking steps, >= 1 (15)
 * @param backtrackRatio step shrink factor per backtrack, in (0, 1) (0.8)
 */
public record TrpoConfig(double maxKl, int cgIterations, double cgDamping, int lineSearchSteps, double backtrackRatio) implements java.io.Serializable {

    /** The MAML paper's settings. */
    public static final TrpoConfig MAML_PAPER = new TrpoConfig(0.01, 10, 1e-5, 15, 0.8);

    /**
     * Checks the arguments and holds them:
     *
     * @param maxKl          the KL bound delta, > 0 (0.01)
     * @param cgIterations   conjugate-gradient iterations, >= 1 (10)
     * @param cgDamping      damping added to the curvature, >= 0 (1e-5)
     * @param lineSearchSteps backtracking steps, >= 1 (15)
     * @param backtrackRatio step shrink factor per backtrack, in (0, 1) (0.8)
     */
    public TrpoConfig {
        if (!(maxKl > 0) || Double.isInfinite(maxKl)) {
            throw new IllegalArgumentException("maxKl must be finite and > 0, got " + maxKl);
        }
        if (cgIterations < 1) {
            throw new IllegalArgumentException("cgIterations must be >= 1, got " + cgIterations);
        }
        if (!(cgDamping >= 0) || Double.isInfinite(cgDamping)) {
            throw new IllegalArgumentException("cgDamping must be finite and >= 0, got " + cgDamping);
        }
        if (lineSearchSteps < 1) {
            throw new IllegalArgumentException("lineSearchSteps must be >= 1, got " + lineSearchSteps);
        }
        if (!(backtrackRatio > 0 && backtrackRatio < 1)) {
            throw new IllegalArgumentException("backtrackRatio must be in (0, 1), got " + backtrackRatio);
        }
    }
}
