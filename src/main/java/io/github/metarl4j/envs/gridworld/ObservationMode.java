package io.github.metarl4j.envs.gridworld;

/** What the robot observes. */
public enum ObservationMode {
    /** One-hot of the current cell, {@code rows * cols} values (tabular). */
    ONE_HOT,
    /** (row / (rows - 1), col / (cols - 1)): the position scaled to [0, 1]. */
    COORDINATES,
    /** The scaled position followed by the goal's scaled position (4 values). */
    COORDINATES_AND_GOAL;

    /**
     * The cell an observation of this mode shows on {@code map}: the hot entry of a one-hot vector,
     * or the scaled position rounded back to the grid.
     *
     * @throws IllegalArgumentException if the observation has the wrong width
     */
    public Cell cellOf(GridMap map, double[] observation) {
        if (observation.length != dim(map)) {
            throw new IllegalArgumentException("a " + this + " observation on a " + map.rows() + "x" + map.cols()
                    + " map has " + dim(map) + " values, got " + observation.length);
        }
        if (this == ONE_HOT) {
            int hot = 0;
            for (int i = 1; i < observation.length; i++) {
                if (observation[i] > observation[hot]) {
                    hot = i;
                }
            }
            return map.cell(hot);
        }
        return new Cell((int) Math.round(observation[0] * Math.max(1, map.rows() - 1)),
                (int) Math.round(observation[1] * Math.max(1, map.cols() - 1)));
    }

    /** The observation width on {@code map}. */
    public int dim(GridMap map) {
        return switch (this) {
            case ONE_HOT -> map.size();
            case COORDINATES -> 2;
            case COORDINATES_AND_GOAL -> 4;
        };
    }
}
