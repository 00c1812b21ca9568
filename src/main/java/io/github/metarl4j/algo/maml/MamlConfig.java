package io.github.metarl4j.algo.maml;

import io.github.metarl4j.advantage.Advantages;
import io.github.metarl4j.optim.OuterOptimizer;
import io.github.metarl4j.optim.PpoConfig;
import io.github.metarl4j.optim.TrpoConfig;

/**
 * MAML's settings; {@link #builder()} starts from the MAML paper's 2D-navigation configuration.
 *
 * @param innerStepSize alpha, finite and >= 0 (0.1)
 * @param innerSteps    inner gradient steps, >= 1 (1)
 * @param innerSampling where each inner step after the first gets its episodes (FRESH)
 * @param firstOrder    whether to drop the second-order terms (false)
 * @param fastBatch     episodes per task for each of the train and valid samples, >= 1 (20)
 * @param metaBatch     tasks per meta-batch, >= 1 (20)
 * @param gamma         discount in [0, 1] (0.99)
 * @param gaeLambda     GAE's lambda in [0, 1] (1.0)
 * @param outer         the outer optimiser
 * @param trpo          TRPO's settings, used when {@code outer} is TRPO
 * @param ppo           PPO's settings, used when {@code outer} is PPO
 */
public record MamlConfig(double innerStepSize, int innerSteps, InnerSampling innerSampling, boolean firstOrder, int fastBatch, int metaBatch,
                         double gamma, double gaeLambda, OuterOptimizer outer, TrpoConfig trpo, PpoConfig ppo)
        implements java.io.Serializable {

    /** Where each inner step gets its episodes when there is more than one. */
    public enum InnerSampling {
        /**
         * Every step samples {@code fastBatch} fresh episodes per task with the policy adapted so far
         * (the MAML reference implementation's rule, and the evaluator's).
         */
        FRESH,
        /** Every step reuses the episodes sampled with the meta-parameters. */
        REUSE
    }

    /**
     * Checks the arguments and holds them:
     *
     * @param innerStepSize alpha, finite and >= 0 (0.1)
     * @param innerSteps    inner gradient steps, >= 1 (1)
     * @param innerSampling where each inner step after the first gets its episodes (FRESH)
     * @param firstOrder    whether to drop the second-order terms (false)
     * @param fastBatch     episodes per task for each of the train and valid samples, >= 1 (20)
     * @param metaBatch     tasks per meta-batch, >= 1 (20)
     * @param gamma         discount in [0, 1] (0.99)
     * @param gaeLambda     GAE's lambda in [0, 1] (1.0)
     * @param outer         the outer optimiser
     * @param trpo          TRPO's settings, used when {@code outer} is TRPO
     * @param ppo           PPO's settings, used when {@code outer} is PPO
     */
    public MamlConfig {
        if (!(innerStepSize >= 0) || Double.isInfinite(innerStepSize)) {
            throw new IllegalArgumentException("innerStepSize must be finite and >= 0, got " + innerStepSize);
        }
        if (innerSteps < 1) {
            throw new IllegalArgumentException("innerSteps must be >= 1, got " + innerSteps);
        }
        if (innerSampling == null) {
            throw new IllegalArgumentException("innerSampling must be one of "
                    + java.util.Arrays.toString(InnerSampling.values()) + ", got null");
        }
        if (fastBatch < 1) {
            throw new IllegalArgumentException("fastBatch must be >= 1, got " + fastBatch);
        }
        if (metaBatch < 1) {
            throw new IllegalArgumentException("metaBatch must be >= 1, got " + metaBatch);
        }
        Advantages.checkDiscounts(gamma, gaeLambda);
        if (outer == null) {
            throw new IllegalArgumentException("outer optimiser must be one of "
                    + java.util.Arrays.toString(OuterOptimizer.values()) + ", got null");
        }
        if (trpo == null) {
            throw new IllegalArgumentException("trpo settings must be non-null");
        }
        if (ppo == null) {
            throw new IllegalArgumentException("ppo settings must be non-null");
        }
    }

    /**
     * The episodes MAML samples per task in one meta-batch: {@code fastBatch} for each inner step that
     * samples (every step with FRESH, the first with REUSE) and {@code fastBatch} valid ones. The
     * pretrained reference samples as many per meta-batch.
     */
    public int episodesPerTask() {
        return fastBatch * ((innerSampling == InnerSampling.FRESH ? innerSteps : 1) + 1);
    }

    /** A builder at the MAML paper's 2D-navigation settings. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder starting from the MAML paper's settings. */
    public static final class Builder {
        private double innerStepSize = 0.1;
        private int innerSteps = 1;
        private InnerSampling innerSampling = InnerSampling.FRESH;
        private boolean firstOrder;
        private int fastBatch = 20;
        private int metaBatch = 20;
        private double gamma = 0.99;
        private double gaeLambda = 1.0;
        private OuterOptimizer outer = OuterOptimizer.TRPO;
        private TrpoConfig trpo = TrpoConfig.MAML_PAPER;
        private PpoConfig ppo = PpoConfig.DEFAULT;

        public Builder innerStepSize(double v) {
            innerStepSize = v;
            return this;
        }

        public Builder innerSteps(int v) {
            innerSteps = v;
            return this;
        }

        public Builder innerSampling(InnerSampling v) {
            innerSampling = v;
            return this;
        }

        public Builder firstOrder(boolean v) {
            firstOrder = v;
            return this;
        }

        public Builder fastBatch(int v) {
            fastBatch = v;
            return this;
        }

        public Builder metaBatch(int v) {
            metaBatch = v;
            return this;
        }

        public Builder gamma(double v) {
            gamma = v;
            return this;
        }

        public Builder gaeLambda(double v) {
            gaeLambda = v;
            return this;
        }

        public Builder outer(OuterOptimizer v) {
            outer = v;
            return this;
        }

        public Builder trpo(TrpoConfig v) {
            trpo = v;
            return this;
        }

        public Builder ppo(PpoConfig v) {
            ppo = v;
            return this;
        }

        public MamlConfig build() {
            return new MamlConfig(innerStepSize, innerSteps, innerSampling, firstOrder, fastBatch, metaBatch, gamma, gaeLambda, outer,
                    trpo, ppo);
        }
    }
}
