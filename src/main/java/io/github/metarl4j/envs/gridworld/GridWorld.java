package io.github.metarl4j.envs.gridworld;

import io.github.metarl4j.env.Env;
import io.github.metarl4j.env.EnvSpec;
import io.github.metarl4j.env.StepResult;
import io.github.metarl4j.env.TaskFamily;
import io.github.metarl4j.space.Box;
import io.github.metarl4j.space.Discrete;
import io.github.metarl4j.task.TaskSplit;
import java.util.SplittableRandom;

/**
 * The grid world with varying start points (and goals): the robot moves up, right, down or
 * left (actions 0-3, see {@link Move}); a wall or the border leaves it in place. With
 * probability {@code slip} the action is replaced by a uniformly random one. Entering the
 * goal pays {@code goalReward} and terminates; every other step pays {@code -stepCost}. The
 * family truncates episodes at the configured horizon.
 *
 * <p>The tabular grid world is the classic setting of Sutton and Barto, "Reinforcement
 * Learning: An Introduction" (2018); the start-point task distribution is this library's
 * founding example of meta-RL (learn from one start corner, adapt fast to another).
 */
public final class GridWorld implements Env<double[], Integer> {

    private static final Discrete ACTIONS = new Discrete(4);

    private final GridWorldConfig config;
    private final int[] next;
    private final int start;
    private final int goal;
    private final double[] goalCoordinates;
    private SplittableRandom rng;
    private int position;
    private boolean running;

    /**
     * The environment of {@code task}.
     *
     * @param config the map, slip, rewards, horizon and observation mode
     * @param task   the start and goal cells, both free cells of the map
     */
    public GridWorld(GridWorldConfig config, GridTask task) {
        this(config, transitions(config.map()), task);
    }

    private GridWorld(GridWorldConfig config, int[] next, GridTask task) {
        GridMap map = config.map();
        this.config = config;
        this.next = next;
        this.start = map.index(map.requireFree(task.start(), "task start"));
        this.goal = map.index(map.requireFree(task.goal(), "task goal"));
        this.goalCoordinates = scaled(map, goal);
    }

    /** {@code [cells * 4]}: the cell reached from each cell by each action (read-only, shared). */
    private static int[] transitions(GridMap map) {
        int[] next = new int[map.size() * 4];
        for (int i = 0; i < map.size(); i++) {
            for (Move m : Move.values()) {
                next[i * 4 + m.ordinal()] = m.next(map, i);
            }
        }
        return next;
    }

    /**
     * The family: grid worlds of {@code config} playing tasks from {@code tasks}, observations
     * in {@code [0, 1]^dim}, 4 discrete actions, truncated at {@code config.horizon()}.
     */
    public static TaskFamily<GridTask, double[], Integer> family(GridWorldConfig config, TaskSplit<GridTask> tasks) {
        Box observations = Box.of(0, 1, config.observation().dim(config.map()));
        int[] next = transitions(config.map());
        return new TaskFamily<>("gridworld", new EnvSpec<>(observations, ACTIONS, config.horizon()), tasks,
                task -> new GridWorld(config, next, task));
    }

    @Override
    public double[] reset(long seed) {
        rng = new SplittableRandom(seed);
        position = start;
        running = true;
        return observe();
    }

    @Override
    public StepResult<double[]> step(Integer action) {
        int a = ACTIONS.checked(action);
        if (!running) {
            throw new IllegalStateException("step called with no running episode; call reset(seed) first");
        }
        if (config.slip() > 0 && rng.nextDouble() < config.slip()) {
            a = rng.nextInt(4);
        }
        position = next[position * 4 + a];
        boolean reached = position == goal;
        running = !reached;
        return new StepResult<>(observe(), reached ? config.goalReward() : -config.stepCost(), reached, false);
    }

    private double[] observe() {
        GridMap map = config.map();
        return switch (config.observation()) {
            case ONE_HOT -> {
                double[] o = new double[map.size()];
                o[position] = 1;
                yield o;
            }
            case COORDINATES -> scaled(map, position);
            case COORDINATES_AND_GOAL -> {
                double[] p = scaled(map, position);
                yield new double[] {p[0], p[1], goalCoordinates[0], goalCoordinates[1]};
            }
        };
    }

    private static double[] scaled(GridMap map, int index) {
        return new double[] {
            (index / map.cols()) / (double) Math.max(1, map.rows() - 1),
            (index % map.cols()) / (double) Math.max(1, map.cols() - 1)};
    }
}
