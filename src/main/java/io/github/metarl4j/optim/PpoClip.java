package io.github.metarl4j.optim;

/**
 * PPO's clipped surrogate (Schulman et al. 2017, "Proximal Policy Optimization Algorithms") for
 * one sample, written for a loss weight {@code w} (to be minimised; {@code w = -A} for an
 * advantage A, times any averaging factor): the term is
 * {@code max(r w, clip(r, 1 - eps, 1 + eps) w) = -min(r A, clip(r) A) |w/A|}, and its derivative
 * in the ratio r is {@code w} where the unclipped product is the larger, 0 where clipping binds.
 * The one PPO loss of the library: MAML's PPO outer step and RL^2's update both use it.
 */
public final class PpoClip {

    private PpoClip() {
    }

    /** {@code clip(r, 1 - eps, 1 + eps)}. */
    public static double clip(double r, double eps) {
        return Math.min(1 + eps, Math.max(1 - eps, r));
    }

    /** The term {@code max(r w, clip(r) w)}. */
    public static double term(double r, double w, double eps) {
        return Math.max(r * w, clip(r, eps) * w);
    }

    /** Whether the unclipped product {@code r w} is the term (so its derivative in r is w, not 0). */
    public static boolean unclipped(double r, double w, double eps) {
        return r * w >= clip(r, eps) * w;
    }
}
