package io.github.metarl4j.optim;

/** The optimiser of a learner's outer step: MAML's meta-step and RL^2's update alike. */
public enum OuterOptimizer {
    /** One trust-region step per batch ({@link Trpo}; the MAML and RL^2 papers'). */
    TRPO,
    /** Several Adam epochs on PPO's clipped surrogate per batch ({@link PpoClip}). */
    PPO
}
