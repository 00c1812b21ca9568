package io.github.metarl4j.envs.gridworld;

import io.github.metarl4j.task.TaskSplit;
import io.github.metarl4j.task.UniformTasks;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

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
        return oneVarying(map, map.requireFree(goal, "goal"), "start", train, test, s -> new GridTask(s, goal));
    }

    /** Goals: start fixed at {@code start}, goal uniform over each region minus the start. */
    public static TaskSplit<GridTask> goals(GridMap map, Cell start, Region train, Region test) {
        return oneVarying(map, map.requireFree(start, "start"), "goal", train, test, g -> new GridTask(start, g));
    }

    /** One cell fixed, the other ({@code varying}) uniform over each region's free cells minus the fixed one. */
    private static TaskSplit<GridTask> oneVarying(GridMap map, Cell fixed, String varying, Region train, Region test,
                                                  Function<Cell, GridTask> task) {
        List<Cell> trainCells = without(train.cells(map), fixed);
        List<Cell> testCells = without(test.cells(map), fixed);
        checkSides(varying, train, trainCells, test, testCells);
        int[] dist = map.distancesFrom(fixed); // moves are reversible, so reachability is symmetric
        List<List<GridTask>> sides = new ArrayList<>();
        for (List<Cell> cells : List.of(trainCells, testCells)) {
            List<GridTask> tasks = new ArrayList<>();
            for (Cell c : cells) {
                GridTask t = task.apply(c);
                if (dist[map.index(c)] < 0) {
                    throw new IllegalArgumentException("start " + t.start() + " cannot reach the goal " + t.goal());
                }
                tasks.add(t);
            }
            sides.add(tasks);
        }
        return new TaskSplit<>(new UniformTasks<>(sides.get(0)), new UniformTasks<>(sides.get(1)));
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
