package io.github.metarl4j.experiment.config;

import io.github.metarl4j.env.EnvSpec;
import io.github.metarl4j.policy.Policy;

/** A policy of observations alone, for learners that adapt by updates (MAML and its references). */
public interface EpisodePolicyConfig extends PolicyConfig {

    /** The policy for a family with {@code spec} (its observation width and actions). */
    Policy create(EnvSpec<?, ?> spec);
}
