package io.github.metarl4j.experiment.config;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.annotation.JsonTypeIdResolver;
import io.github.metarl4j.algo.Experience;
import io.github.metarl4j.algo.MetaLearner;
import io.github.metarl4j.env.EnvSpec;
import io.github.metarl4j.random.SeedTree;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Which meta-learner an experiment trains, chosen in YAML by its {@code type} ({@link TypeNames}):
 * {@code maml} ({@link MamlLearner}), {@code rl2} ({@link Rl2Learner}), {@code bc} ({@link BcLearner}), {@code cql} ({@link CqlLearner}), {@code pvi} ({@link PviLearner}), or the class name of a
 * user's record implementing this interface, whose components are its YAML keys. The run machinery sees only the
 * {@link MetaLearner} it creates.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.CUSTOM, property = "type")
@JsonTypeIdResolver(TypeNames.class)
public interface LearnerConfig {

    /** The learner's name in logs, metrics and tables ("maml", "rl2"). */
    String name();

    /** Tasks per meta-batch. */
    int metaBatch();

    /**
     * The episodes of a trial for a learner that adapts in its memory over a trial (RL^2), whose
     * adaptation curve's point k is then episode k of a trial; empty for a learner that adapts by k
     * explicit updates (MAML).
     */
    OptionalInt trialEpisodes();

    /** Whether {@link #pretrained} exists (the evaluation's PRETRAINED baseline). */
    boolean hasPretrained();

    /**
     * Throws an {@link IllegalArgumentException} naming the key and value when {@code policy} does
     * not describe a network this learner can train.
     */
    void checkPolicy(PolicyConfig policy);

    /**
     * Throws an {@link IllegalArgumentException} naming what is wrong when the family with
     * {@code spec} cannot be learned by this learner.
     */
    void checkFamily(EnvSpec<?, ?> spec);

    /**
     * Where this learner's fixed dataset comes from, for a learner trained offline; empty (the
     * default) for one that samples live episodes. The experiment makes the dataset once, checks it
     * against the family's spaces and hands it over in the {@link Experience}.
     */
    default Optional<DataConfig> dataSource() {
        return Optional.empty();
    }

    /**
     * A fresh learner for a family with {@code spec}, its initial parameters drawn from {@code init},
     * running its episodes on {@code experience.sampler()} (which the caller closes, after the learner)
     * and, for a learner with a {@link #dataSource()}, trained from {@code experience.dataset()}.
     */
    MetaLearner create(EnvSpec<?, ?> spec, PolicyConfig policy, SeedTree init, Experience experience);

    /**
     * The pretrained reference: a learner trained on the pooled tasks without meta-learning and
     * adapted the same way at evaluation, from the same initial parameters as {@link #create}.
     *
     * @throws IllegalArgumentException if this learner has no such reference
     */
    MetaLearner pretrained(EnvSpec<?, ?> spec, PolicyConfig policy, SeedTree init, Experience experience);
}
