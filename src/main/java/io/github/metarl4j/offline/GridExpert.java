package io.github.metarl4j.offline;

import io.github.metarl4j.envs.gridworld.GridOracle;
import io.github.metarl4j.envs.gridworld.GridTask;
import io.github.metarl4j.envs.gridworld.GridWorldConfig;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The grid world's expert: value iteration on the task's map, goal and slip ({@link GridOracle}),
 * acting with the whole horizon to go from the cell the observation shows (for a goal reachable
 * within the horizon, the optimal stationary policy: the shortest expected path). Solutions are
 * kept per task.
 */
public final class GridExpert implements Expert<GridTask> {

    private final GridWorldConfig world;
    private final GridOracle oracle;
    private final Map<GridTask, GridOracle.Solution> solved = new ConcurrentHashMap<>();

    /** @param world the grid world whose tasks it solves */
    public GridExpert(GridWorldConfig world) {
        this.world = world;
        this.oracle = new GridOracle(world);
    }

    @Override
    public int action(GridTask task, double[] observation) {
        GridOracle.Solution s = solved.computeIfAbsent(task, oracle::solve);
        return s.action(world.horizon(), world.observation().cellOf(world.map(), observation));
    }
}
