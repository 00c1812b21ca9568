package io.github.metarl4j.offline.tabular;

import java.util.Arrays;

/**
 * Which of S states a flat observation shows, for families with finitely many states (the grid
 * world's one-hot cells, the tabular MDPs' one-hot states).
 */
@FunctionalInterface
public interface StateIndex {

    /**
     * The state of {@code observation}.
     *
     * @throws IllegalArgumentException if the observation shows no state
     */
    int of(double[] observation);

    /** One-hot observations of {@code states} states: the index of the single 1. */
    static StateIndex oneHot(int states) {
        return observation -> {
            int hot = -1;
            boolean valid = observation.length == states;
            for (int i = 0; i < observation.length && valid; i++) {
                if (observation[i] == 1 && hot < 0) {
                    hot = i;
                } else if (observation[i] != 0) {
                    valid = false;
                }
            }
            if (!valid || hot < 0) {
                throw new IllegalArgumentException("expected a one-hot observation of " + states + " states, got "
                        + (observation.length <= 12 ? Arrays.toString(observation) : observation.length + " values"));
            }
            return hot;
        };
    }

    /** Every one-hot observation of {@code states} states, in state order: the identity, {@code [S, S]} row-major. */
    static double[] oneHotObservations(int states) {
        double[] eye = new double[states * states];
        for (int s = 0; s < states; s++) {
            eye[s * states + s] = 1;
        }
        return eye;
    }
}
