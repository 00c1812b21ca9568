package io.github.metarl4j.envs.gridworld;

/** What the robot observes. */
public enum ObservationMode {
    /** One-hot of the current cell, {@code rows * cols} values (tabular). */
    ONE_HOT,
    /** (row / (rows - 1), col / (cols - 1)): the position scaled to [0, 1]. */
    COORDINATES,
    /** The scaled position followed by the goal's scaled position (4 values). */
    COORDINATES_AND_GOAL;

    /** The observation width on {@code map}. */
    public int dim(GridMap map) {
        return switch (this) {
            case ONE_HOT -> map.size();
            case COORDINATES -> 2;
            case COORDINATES_AND_GOAL -> 4;
        };
    }
}
