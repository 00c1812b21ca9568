package io.github.metarl4j.offline;

import io.github.metarl4j.envs.gridworld.Cell;
import io.github.metarl4j.envs.gridworld.GridMap;
import io.github.metarl4j.envs.gridworld.GridTask;
import io.github.metarl4j.envs.gridworld.GridWorldConfig;
import io.github.metarl4j.envs.gridworld.Move;
import io.github.metarl4j.offline.tabular.EmpiricalMdp;

/**
 * The grid world's true MDP for one goal, in the shape of an empirical model with every free
 * non-goal cell's actions counted once: with probability {@code 1 - slip} the chosen move, else a
 * uniformly random one; entering the goal pays {@code goalReward} and ends, any other move costs
 * {@code stepCost}. Solved with no penalty it gives the discounted optimal values Q* that offline
 * learners' Q functions are compared with.
 */
public final class GridModel {

    private GridModel() {
    }

    /** The true model of {@code world} with {@code task}'s goal, states the map's cells (one-hot order). */
    public static EmpiricalMdp of(GridWorldConfig world, GridTask task) {
        GridMap map = world.map();
        int n = map.size();
        int actions = Move.values().length;
        int goal = map.index(map.requireFree(task.goal(), "task goal"));
        int[] counts = new int[n * actions];
        double[] rewards = new double[n * actions];
        double[] ends = new double[n * actions];
        double[] next = new double[n * actions * n];
        for (int s = 0; s < n; s++) {
            Cell cell = map.cell(s);
            if (s == goal || !map.isFree(cell)) {
                continue;
            }
            for (int a = 0; a < actions; a++) {
                int k = s * actions + a;
                counts[k] = 1;
                for (Move b : Move.values()) {
                    double p = (b.ordinal() == a ? 1 - world.slip() : 0) + world.slip() / actions;
                    int to = b.next(map, s);
                    if (to == goal) {
                        rewards[k] += p * world.goalReward();
                        ends[k] += p;
                    } else {
                        rewards[k] -= p * world.stepCost();
                        next[k * n + to] += p;
                    }
                }
            }
        }
        return new EmpiricalMdp(n, actions, counts, rewards, ends, next, -world.stepCost());
    }
}
