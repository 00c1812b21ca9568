package io.github.metarl4j.env;

import io.github.metarl4j.space.Space;

/**
 * What every environment of a family shares: its spaces and its horizon.
 *
 * @param observationSpace the observations' space
 * @param actionSpace      the actions' space
 * @param horizon          the largest number of steps of an episode, at least 1; episodes
 *                         still running after {@code horizon} steps are truncated
 * @param <O>              observation type
 * @param <A>              action type
 */
public record EnvSpec<O, A>(Space<O> observationSpace, Space<A> actionSpace, int horizon) {

    /**
     * Checks the arguments and holds them:
     *
     * @param observationSpace the observations' space
     * @param actionSpace      the actions' space
     * @param horizon          the largest number of steps of an episode, at least 1; episodes
     *                         still running after {@code horizon} steps are truncated
     */
    public EnvSpec {
        if (observationSpace == null || actionSpace == null) {
            throw new IllegalArgumentException("observation and action spaces must be non-null, got "
                    + observationSpace + " and " + actionSpace);
        }
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be >= 1, got " + horizon);
        }
    }
}
