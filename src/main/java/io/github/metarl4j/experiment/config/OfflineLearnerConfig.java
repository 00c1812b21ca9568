package io.github.metarl4j.experiment.config;

import io.github.metarl4j.algo.Experience;
import io.github.metarl4j.algo.MetaLearner;
import io.github.metarl4j.env.EnvSpec;
import io.github.metarl4j.random.SeedTree;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A learner trained from a fixed dataset ({@code bc}, {@code cql}, or a user's record): it names its
 * data, samples no training episode (its meta-batch of tasks is one, unused), does not adapt and has
 * no pretrained reference. Its record implements {@link #data()}, {@link #name()}, the checks and
 * {@link #create}.
 */
public interface OfflineLearnerConfig extends LearnerConfig {

    /** Where the dataset comes from (the {@code data} key). */
    DataConfig data();

    /** {@link #data()}. */
    @Override
    default Optional<DataConfig> dataSource() {
        return Optional.of(data());
    }

    /** One: the meta-batch's tasks are not used. */
    @Override
    default int metaBatch() {
        return 1;
    }

    /** None: the learned policy does not adapt. */
    @Override
    default OptionalInt trialEpisodes() {
        return OptionalInt.empty();
    }

    @Override
    default boolean hasPretrained() {
        return false;
    }

    @Override
    default MetaLearner pretrained(EnvSpec<?, ?> spec, PolicyConfig policy, SeedTree init, Experience experience) {
        throw new IllegalArgumentException(name() + " has no pretrained reference; evaluation.baselines may hold "
                + "SCRATCH only");
    }
}
