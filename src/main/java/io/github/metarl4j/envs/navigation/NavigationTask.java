package io.github.metarl4j.envs.navigation;

import io.github.metarl4j.task.Task;

/**
 * One 2D-navigation task: the goal the point robot must reach.
 *
 * @param goalX the goal's first coordinate, finite
 * @param goalY the goal's second coordinate, finite
 */
public record NavigationTask(double goalX, double goalY) implements Task {

    /**
     * Checks the arguments and holds them:
     *
     * @param goalX the goal's first coordinate, finite
     * @param goalY the goal's second coordinate, finite
     */
    public NavigationTask {
        if (!Double.isFinite(goalX) || !Double.isFinite(goalY)) {
            throw new IllegalArgumentException("goal must be finite, got (" + goalX + ", " + goalY + ")");
        }
    }
}
