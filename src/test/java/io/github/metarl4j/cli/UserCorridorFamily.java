package io.github.metarl4j.cli;

import io.github.metarl4j.env.EnvSpec;
import io.github.metarl4j.env.TaskFamily;
import io.github.metarl4j.examples.CustomFamily;
import io.github.metarl4j.experiment.config.FamilyConfig;
import io.github.metarl4j.experiment.config.FamilySetup;
import io.github.metarl4j.space.Box;
import io.github.metarl4j.space.Discrete;
import io.github.metarl4j.task.TaskSplit;
import java.util.Optional;

/**
 * A family config a user writes outside the library: the example corridor with the horizon taken
 * from YAML ({@code type: io.github.metarl4j.cli.UserCorridorFamily} and {@code horizon: 12}).
 *
 * @param horizon steps per episode, >= 1
 */
public record UserCorridorFamily(int horizon) implements FamilyConfig {

    /**
     * Checks the arguments and holds them:
     *
     * @param horizon steps per episode, >= 1
     */
    public UserCorridorFamily {
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be >= 1, got " + horizon);
        }
    }

    @Override
    public FamilySetup<?, ?, ?> build() {
        return new FamilySetup<>(new TaskFamily<>("user-corridor", new EnvSpec<>(Box.of(0, 1, 1), new Discrete(2),
                horizon), new TaskSplit<>(new CustomFamily.Corridors(true), new CustomFamily.Corridors(false),
                new CustomFamily.Corridors(false)), CustomFamily.CorridorEnv::new), Optional.empty());
    }
}
