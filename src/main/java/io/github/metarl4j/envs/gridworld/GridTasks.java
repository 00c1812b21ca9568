package io.github.metarl4j.envs.gridworld;

import io.github.metarl4j.task.TaskSplit;
import io.github.metarl4j.task.UniformTasks;
import java.util.ArrayList;
import java.util.List;

/**
 * The grid world's task distributions, each with a meta-training region and a disjoint
 * meta-test region (the out-of-distribution split), each uniform over its tasks:
 * <ul>
 *   <li>{@link #startPoints}: the goal is fixed, the start is uniform over a region's free
 *       cells (the goal excluded);</li>
 *   <li>{@link #goals}: the start is fixed, the goal is uniform over a region;</li>
 *   <li>{@link #startsAndGoals}: start and goal are both uniform over a region, distinct.</li>
 * </ul>
 * Construction checks that both regions are non-empty and disjoint and that every start can
 * reach its goal; errors name the cells.
 */
public final class GridTasks {

    private GridTasks() {
    }

    /** StartPoints with the map's goal 'G'. */
    public static TaskSplit<GridTask> startPoints(GridMap map, Region train, Region test) {
        Cell goal = map.goal().orElseThrow(() -> new IllegalArgumentException(
                "map has no goal 'G'; StartPoints needs a fixed goal (mark it 'G' or pass the goal cell)"));
        return startPoints(map, goal, train, test);
    }

    /** StartPoints: goal fixed at {@code goal}, start uniform over each region minus the goal. */
    public static TaskSplit<GridTask> startPoints(GridMap map, Cell goal, Region train, Region test) {
        map.requireFree(goal, "goal");
        List<Cell> trainStarts = without(train.cells(map), goal);
        List<Cell> testStarts = without(test.cells(map), goal);
        checkSides("start", train, trainStarts, test, testStarts);
        int[] dist = map.distancesFrom(goal);
        List<GridTask> trainTasks = new ArrayList<>();
        List<GridTask> testTasks = new ArrayList<>();
        for (List<Cell> side : List.of(trainStarts, testStarts)) {
            for (Cell s : side) {
                if (dist[map.index(s)] < 0) {
                    throw new IllegalArgumentException("start " + s + " cannot reach the goal " + goal);
                }
                (side == trainStarts ? trainTasks : testTasks).add(new GridTask(s, goal));
            }
        }
        return new TaskSplit<>(new UniformTasks<>(trainTasks), new UniformTasks<>(testTasks));
    }

    /** Goals: start fixed at {@code start}, goal uniform over each region minus the start. */
    public static TaskSplit<GridTask> goals(GridMap map, Cell start, Region train, Region test) {
        map.requireFree(start, "start");
        List<Cell> trainGoals = without(train.cells(map), start);
        List<Cell> testGoals = without(test.cells(map), start);
        checkSides("goal", train, trainGoals, test, testGoals);
        int[] dist = map.distancesFrom(start);
        List<GridTask> trainTasks = new ArrayList<>();
        List<GridTask> testTasks = new ArrayList<>();
        for (List<Cell> side : List.of(trainGoals, testGoals)) {
            for (Cell g : side) {
                if (dist[map.index(g)] < 0) {
                    throw new IllegalArgumentException("start " + start + " cannot reach the goal " + g);
                }
                (side == trainGoals ? trainTasks : testTasks).add(new GridTask(start, g));
            }
        }
        return new TaskSplit<>(new UniformTasks<>(trainTasks), new UniformTasks<>(testTasks));
    }

    /** StartsAndGoals: start and goal uniform over the distinct pairs of each region's cells. */
    public static TaskSplit<GridTask> startsAndGoals(GridMap map, Region train, Region test) {
        List<Cell> trainCells = train.cells(map);
        List<Cell> testCells = test.cells(map);
        checkSides("start/goal", train, trainCells, test, testCells);
        return new TaskSplit<>(new UniformTasks<>(pairs(map, trainCells, train)),
                new UniformTasks<>(pairs(map, testCells, test)));
    }

    private static List<GridTask> pairs(GridMap map, List<Cell> cells, Region region) {
        if (cells.size() < 2) {
            throw new IllegalArgumentException("region '" + region + "' needs at least 2 free cells for "
                    + "distinct starts and goals, got " + cells);
        }
        List<GridTask> tasks = new ArrayList<>();
        for (Cell g : cells) {
            int[] dist = map.distancesFrom(g);
            for (Cell s : cells) {
                if (s.equals(g)) {
                    continue;
                }
                if (dist[map.index(s)] < 0) {
                    throw new IllegalArgumentException("start " + s + " cannot reach the goal " + g);
                }
                tasks.add(new GridTask(s, g));
            }
        }
        return tasks;
    }

    private static List<Cell> without(List<Cell> cells, Cell excluded) {
        return cells.stream().filter(c -> !c.equals(excluded)).toList();
    }

    private static void checkSides(String what, Region train, List<Cell> trainCells, Region test,
                                   List<Cell> testCells) {
        if (trainCells.isEmpty()) {
            throw new IllegalArgumentException("train region '" + train + "' has no free " + what + " cells");
        }
        if (testCells.isEmpty()) {
            throw new IllegalArgumentException("test region '" + test + "' has no free " + what + " cells");
        }
        List<Cell> overlap = trainCells.stream().filter(testCells::contains).toList();
        if (!overlap.isEmpty()) {
            throw new IllegalArgumentException("train region '" + train + "' and test region '" + test
                    + "' must be disjoint, but share " + overlap.size() + " cells: "
                    + overlap.subList(0, Math.min(6, overlap.size())) + (overlap.size() > 6 ? " ..." : ""));
        }
    }
}
