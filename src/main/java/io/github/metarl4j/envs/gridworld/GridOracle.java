package io.github.metarl4j.envs.gridworld;

import io.github.metarl4j.task.Oracle;

/**
 * The optimal expected return of a grid-world task, by finite-horizon value iteration on the
 * known map (Bellman 1957; Sutton and Barto 2018, section 4.4), undiscounted, over the
 * configured horizon, with the slip's stochastic transitions:
 *
 * <pre>
 * V_0(s) = 0,   V_k(goal) = 0,
 * V_k(s) = max_a sum_{s'} P(s' | s, a) [ r(s') + V_{k-1}(s') ],
 * P(s' | s, a) = (1 - slip) [s' = move(s, a)] + slip / 4 * #{b : s' = move(s, b)},
 * r(s') = goalReward if s' = goal else -stepCost,
 * </pre>
 * and the optimal return of task (start, goal) is {@code V_H(start)}.
 */
public final class GridOracle implements Oracle<GridTask> {

    private final GridWorldConfig config;

    /** @param config the world (map, slip, rewards, horizon) whose optimal returns it computes */
    public GridOracle(GridWorldConfig config) {
        this.config = config;
    }

    /** The optimal values and a greedy (lowest-index tie-break) time-dependent policy. */
    public Solution solve(GridTask task) {
        GridMap map = config.map();
        int n = map.size();
        int goal = map.index(map.requireFree(task.goal(), "task goal"));
        int horizon = config.horizon();
        double slip = config.slip();
        int[][] next = new int[n][4];
        for (int s = 0; s < n; s++) {
            for (Move m : Move.values()) {
                next[s][m.ordinal()] = m.next(map, s);
            }
        }
        double[][] value = new double[horizon + 1][n];
        int[][] action = new int[horizon + 1][n];
        for (int k = 1; k <= horizon; k++) {
            for (int s = 0; s < n; s++) {
                if (s == goal || !map.isFree(map.cell(s))) {
                    continue;
                }
                double mean = 0;
                for (int b = 0; b < 4; b++) {
                    mean += backup(next[s][b], goal, value[k - 1]) / 4;
                }
                double best = Double.NEGATIVE_INFINITY;
                for (int a = 0; a < 4; a++) {
                    double q = (1 - slip) * backup(next[s][a], goal, value[k - 1]) + slip * mean;
                    if (q > best) {
                        best = q;
                        action[k][s] = a;
                    }
                }
                value[k][s] = best;
            }
        }
        return new Solution(map, value, action);
    }

    /** The optimal expected return of {@code task} from its start over the full horizon. */
    @Override
    public double optimalReturn(GridTask task) {
        return solve(task).value(config.horizon(), task.start());
    }

    private double backup(int to, int goal, double[] valueAfter) {
        return to == goal ? config.goalReward() : -config.stepCost() + valueAfter[to];
    }

    /**
     * Value iteration's output.
     *
     * @param map    the grid
     * @param value  {@code [H + 1][cells]}: optimal expected return with k steps left
     * @param action {@code [H + 1][cells]}: an optimal action with k steps left
     */
    public record Solution(GridMap map, double[][] value, int[][] action) {

        /** The optimal expected return from {@code cell} with {@code stepsLeft} steps to go. */
        public double value(int stepsLeft, Cell cell) {
            return value[stepsLeft][map.index(cell)];
        }

        /** An optimal action from {@code cell} with {@code stepsLeft >= 1} steps to go. */
        public int action(int stepsLeft, Cell cell) {
            return action[stepsLeft][map.index(cell)];
        }
    }
}
