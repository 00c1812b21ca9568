package io.github.metarl4j.experiment.config;

import io.github.metarl4j.env.EnvSpec;
import io.github.metarl4j.policy.Policy;

/** A policy of observations alone, for learners that adapt by updates (MAML and its references) or none (behaviour cloning). */
public interface EpisodePolicyConfig extends PolicyConfig {

    /** The policy for a family with {@code spec} (its observation width and actions). */
    Policy create(EnvSpec<?, ?> spec);

    /**
     * {@code policy} as a policy of observations.
     *
     * @param use what the learner does with it, leading the error ("maml adapts")
     * @throws IllegalArgumentException naming {@code policy.type} when it is another kind
     */
    static EpisodePolicyConfig require(PolicyConfig policy, String use) {
        if (!(policy instanceof EpisodePolicyConfig episodic)) {
            throw new IllegalArgumentException("policy.type: " + use + " a policy of observations (categorical or "
                    + "gaussian), got " + TypeNames.nameOf(PolicyConfig.class, policy));
        }
        return episodic;
    }
}
