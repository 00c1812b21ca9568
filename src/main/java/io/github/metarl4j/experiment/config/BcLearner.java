package io.github.metarl4j.experiment.config;

import io.github.metarl4j.algo.Experience;
import io.github.metarl4j.algo.MetaLearner;
import io.github.metarl4j.algo.bc.BcConfig;
import io.github.metarl4j.algo.bc.BehaviourCloning;
import io.github.metarl4j.env.EnvSpec;
import io.github.metarl4j.policy.Policy;
import io.github.metarl4j.random.SeedTree;

/**
 * Behaviour cloning ({@code type: bc}; {@link BehaviourCloning}) of the dataset its {@code data} key
 * names, into the MLP policy of the experiment's {@code policy} section; it samples no training
 * episode, has no pretrained reference and does not adapt, so its evaluation runs {@code steps: 0}
 * or shows a flat curve.
 *
 * @param bc   batch size, steps per iteration and learning rate
 * @param data where the dataset comes from
 */
public record BcLearner(BcConfig bc, DataConfig data) implements OfflineLearnerConfig {

    /**
     * Checks the arguments and holds them:
     *
     * @param bc   batch size, steps per iteration and learning rate
     * @param data where the dataset comes from
     */
    public BcLearner {
        if (bc == null || data == null) {
            throw new IllegalArgumentException("bc settings and data must be given");
        }
    }

    @Override
    public String name() {
        return "bc";
    }

    /** A policy of observations ({@code categorical} or {@code gaussian}, or a user's {@link EpisodePolicyConfig}). */
    @Override
    public void checkPolicy(PolicyConfig policy) {
        EpisodePolicyConfig.require(policy, "bc clones into");
    }

    /** Discrete and continuous actions alike. */
    @Override
    public void checkFamily(EnvSpec<?, ?> spec) {
    }

    @Override
    public MetaLearner create(EnvSpec<?, ?> spec, PolicyConfig policy, SeedTree init, Experience experience) {
        Policy p = EpisodePolicyConfig.require(policy, "bc clones into").create(spec);
        return new BehaviourCloning(bc, p, p.initialParameters(init.generator()), experience.requireDataset(name()));
    }
}
