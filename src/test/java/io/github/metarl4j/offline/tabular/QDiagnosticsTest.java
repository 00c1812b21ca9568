package io.github.metarl4j.offline.tabular;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.metarl4j.envs.gridworld.Cell;
import io.github.metarl4j.envs.gridworld.GridMap;
import io.github.metarl4j.envs.gridworld.GridTask;
import io.github.metarl4j.envs.gridworld.GridWorldConfig;
import io.github.metarl4j.offline.GridModel;
import org.junit.jupiter.api.Test;

class QDiagnosticsTest {

    @Test
    void diagnostics_matchAHandComputation() {
        // two states, two actions; the data holds (s0, a0) only; state s1 is never visited
        EmpiricalMdp data = new EmpiricalMdp(2, 2, new int[] {3, 0, 0, 0}, new double[4], new double[4], new double[8], 0);
        QDiagnostics d = QDiagnostics.of(new double[] {1, 5, 0, 0}, new double[] {2, 3, 9, 9},
                new double[] {1.5, 3, 9, 9}, data);
        assertEquals(1, d.errorSeen(), 0);
        assertEquals(0.5, d.errorOwnPolicy(), 0);
        assertEquals(1, d.optimalChoice(), 0, "greedy a1 has Q* 3, the best at s0");
        assertEquals(1, d.rankAgreement(), 0, "(1, 5) is ordered as (2, 3)");
        assertEquals(2, d.overestimateUnseen(), 0);
        assertEquals(1, d.seenPairs());
        assertEquals(1, d.unseenPairs());
        QDiagnostics wrong = QDiagnostics.of(new double[] {6, 5, 0, 0}, new double[] {2, 3, 9, 9},
                new double[] {2, 3, 9, 9}, data);
        assertEquals(0, wrong.optimalChoice(), 0);
        assertEquals(-1, wrong.rankAgreement(), 0, "(6, 5) is ordered against (2, 3)");
    }

    @Test
    void theGridsTrueModel_givesTheDiscountedShortestPathValues() {
        GridWorldConfig world = GridWorldConfig.builder(GridMap.of("four-rooms")).build();
        GridMap map = world.map();
        Cell goal = map.goal().orElseThrow();
        EmpiricalMdp truth = GridModel.of(world, new GridTask(map.freeCells().get(0), goal));
        double gamma = 0.9;
        double[] v = PessimisticValueIteration.solve(truth, 0, gamma).v();
        int[] distance = map.distancesFrom(goal);
        for (Cell c : map.freeCells()) {
            int d = distance[map.index(c)];
            if (c.equals(goal) || d < 1) {
                continue;
            }
            // d - 1 steps at -stepCost, then the goal's reward on step d
            double expected = -world.stepCost() * (1 - Math.pow(gamma, d - 1)) / (1 - gamma)
                    + Math.pow(gamma, d - 1) * world.goalReward();
            assertEquals(expected, v[map.index(c)], 1e-10, "cell " + c + " at distance " + d);
        }
    }
}
