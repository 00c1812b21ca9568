package io.github.metarl4j.envs.gridworld;

import io.github.metarl4j.task.Task;

/**
 * One grid-world task: where the robot starts and where the goal is.
 *
 * @param start the start cell
 * @param goal  the goal cell, different from the start
 */
public record GridTask(Cell start, Cell goal) implements Task {

    /**
     * Checks the arguments and holds them:
     *
     * @param start the start cell
     * @param goal  the goal cell, different from the start
     */
    public GridTask {
        if (start == null || goal == null) {
            throw new IllegalArgumentException("start and goal must be non-null, got " + start + " and " + goal);
        }
        if (start.equals(goal)) {
            throw new IllegalArgumentException("start must differ from the goal, got both " + start);
        }
    }
}
