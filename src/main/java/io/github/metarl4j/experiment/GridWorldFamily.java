package io.github.metarl4j.experiment;

import io.github.metarl4j.envs.gridworld.GridOracle;
import io.github.metarl4j.envs.gridworld.GridTask;
import io.github.metarl4j.envs.gridworld.GridTasks;
import io.github.metarl4j.envs.gridworld.GridWorld;
import io.github.metarl4j.envs.gridworld.GridWorldConfig;
import io.github.metarl4j.envs.gridworld.Region;
import io.github.metarl4j.task.Oracle;
import io.github.metarl4j.task.TaskSplit;
import java.util.Arrays;
import java.util.Optional;

/**
 * The grid world ({@code type: gridworld}) with tasks varying over regions of the map, and its
 * value-iteration oracle.
 *
 * @param world       dynamics, rewards, horizon and observation
 * @param tasks       what varies between tasks
 * @param trainRegion meta-training region
 * @param testRegion  meta-test region (disjoint for an out-of-distribution split)
 */
public record GridWorldFamily(GridWorldConfig world, Variation tasks, Region trainRegion, Region testRegion)
        implements FamilyConfig {

    /** What varies between the tasks of the family. */
    public enum Variation {
        /** The start cell, uniform over the region; the goal is the map's 'G'. */
        START_POINTS,
        /** Start and goal, uniform over distinct pairs of the region's cells. */
        STARTS_AND_GOALS
    }

    public GridWorldFamily {
        if (world == null) {
            throw new IllegalArgumentException("world must be given");
        }
        if (tasks == null) {
            throw new IllegalArgumentException("tasks must be one of " + Arrays.toString(Variation.values()));
        }
        if (trainRegion == null || testRegion == null) {
            throw new IllegalArgumentException("trainRegion and testRegion must be given");
        }
    }

    @Override
    public FamilySetup<GridTask, double[], Integer> build() {
        TaskSplit<GridTask> split = switch (tasks) {
            case START_POINTS -> GridTasks.startPoints(world.map(), trainRegion, testRegion);
            case STARTS_AND_GOALS -> GridTasks.startsAndGoals(world.map(), trainRegion, testRegion);
        };
        Oracle<GridTask> oracle = new GridOracle(world);
        return new FamilySetup<>(GridWorld.family(world, split), Optional.of(oracle));
    }
}
