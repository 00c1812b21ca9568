package io.github.metarl4j.experiment.config;

import io.github.metarl4j.algo.Experience;
import io.github.metarl4j.algo.MetaLearner;
import io.github.metarl4j.algo.maml.Maml;
import io.github.metarl4j.algo.maml.MamlConfig;
import io.github.metarl4j.algo.maml.Pretraining;
import io.github.metarl4j.env.EnvSpec;
import io.github.metarl4j.policy.Policy;
import io.github.metarl4j.random.SeedTree;
import java.util.OptionalInt;

/**
 * MAML ({@code type: maml}; Finn, Abbeel and Levine, ICML 2017) with its settings, on the MLP
 * policy of the experiment's {@code policy} section; its pretrained reference is
 * {@link Pretraining} with the same settings.
 *
 * @param maml MAML's settings
 */
public record MamlLearner(MamlConfig maml) implements LearnerConfig {

    /**
     * Checks the arguments and holds them:
     *
     * @param maml MAML's settings
     */
    public MamlLearner {
        if (maml == null) {
            throw new IllegalArgumentException("maml settings must be given");
        }
    }

    @Override
    public String name() {
        return "maml";
    }

    @Override
    public int metaBatch() {
        return maml.metaBatch();
    }

    /** None: MAML adapts by updates. */
    @Override
    public OptionalInt trialEpisodes() {
        return OptionalInt.empty();
    }

    @Override
    public boolean hasPretrained() {
        return true;
    }

    /** A policy of observations ({@code categorical} or {@code gaussian}, or a user's {@link EpisodePolicyConfig}). */
    @Override
    public void checkPolicy(PolicyConfig policy) {
        EpisodePolicyConfig.require(policy, "maml adapts");
    }

    /** Discrete and continuous actions alike. */
    @Override
    public void checkFamily(EnvSpec<?, ?> spec) {
    }

    @Override
    public MetaLearner create(EnvSpec<?, ?> spec, PolicyConfig policy, SeedTree init, Experience experience) {
        Policy p = EpisodePolicyConfig.require(policy, "maml adapts").create(spec);
        return new Maml(maml, p, p.initialParameters(init.generator()), experience.sampler());
    }

    @Override
    public MetaLearner pretrained(EnvSpec<?, ?> spec, PolicyConfig policy, SeedTree init, Experience experience) {
        Policy p = EpisodePolicyConfig.require(policy, "maml adapts").create(spec);
        return new Pretraining(maml, p, p.initialParameters(init.generator()), experience.sampler());
    }
}
