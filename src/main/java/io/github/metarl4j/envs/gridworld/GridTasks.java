package io.github.metarl4j.envs.gridworld;

import io.github.metarl4j.task.TaskSplit;
import io.github.metarl4j.task.UniformTasks;
import java.util.ArrayList;
import java.util.List;

/**
 * The grid world's task sets: a task is a (start, goal) pair, and each of the meta-training,
 * validation and test sets is uniform over the pairs of its start region and its goal region (start
 * different from goal, every start able to reach its goal). A fixed goal is the region {@code goal}
 * in all three sets ({@link RegionSplit#same}); varying starts and goals together use regions for
 * both. The three sets must be disjoint ({@link TaskSplit}): e.g. training starts in the bottom-left
 * room, test starts in the top-left corner; or the same start with disjoint goal cells. Errors name
 * the cells and regions.
 */
public final class GridTasks {

    private GridTasks() {
    }

    /** The split whose set P holds the pairs of {@code starts}' region P and {@code goals}' region P. */
    public static TaskSplit<GridTask> of(GridMap map, RegionSplit starts, RegionSplit goals) {
        return new TaskSplit<>(
                new UniformTasks<>(pairs(map, "train", starts.train(), goals.train())),
                new UniformTasks<>(pairs(map, "validation", starts.validation(), goals.validation())),
                new UniformTasks<>(pairs(map, "test", starts.test(), goals.test())));
    }

    /** The distribution over the pairs of two regions, for a single set such as a fine-tuning source. */
    public static UniformTasks<GridTask> uniform(GridMap map, Region starts, Region goals) {
        return new UniformTasks<>(pairs(map, "source", starts, goals));
    }

    private static List<GridTask> pairs(GridMap map, String set, Region starts, Region goals) {
        List<Cell> startCells = starts.cells(map);
        List<Cell> goalCells = goals.cells(map);
        if (startCells.isEmpty()) {
            throw new IllegalArgumentException(set + " start region '" + starts + "' has no free cells");
        }
        if (goalCells.isEmpty()) {
            throw new IllegalArgumentException(set + " goal region '" + goals + "' has no free cells");
        }
        List<GridTask> tasks = new ArrayList<>();
        for (Cell g : goalCells) {
            int[] dist = map.distancesFrom(g); // moves are reversible, so reachability is symmetric
            for (Cell s : startCells) {
                if (s.equals(g)) {
                    continue;
                }
                if (dist[map.index(s)] < 0) {
                    throw new IllegalArgumentException("start " + s + " cannot reach the goal " + g);
                }
                tasks.add(new GridTask(s, g));
            }
        }
        if (tasks.isEmpty()) {
            throw new IllegalArgumentException(set + " start region '" + starts + "' and goal region '" + goals
                    + "' give no task: the only start is the only goal, " + startCells);
        }
        return tasks;
    }
}
