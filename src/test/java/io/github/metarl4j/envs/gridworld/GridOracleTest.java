package io.github.metarl4j.envs.gridworld;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metarl4j.data.EpisodeBatch;
import io.github.metarl4j.env.TaskFamily;
import io.github.metarl4j.eval.ConfidenceInterval;
import io.github.metarl4j.sampler.ActionFunction;
import io.github.metarl4j.sampler.LockstepSampler;
import io.github.metarl4j.sampler.RandomActions;
import io.github.metarl4j.space.Discrete;
import io.github.metarl4j.task.TaskSplit;
import io.github.metarl4j.task.TaskDistribution;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

class GridOracleTest {

    @ParameterizedTest
    @ValueSource(strings = {"open-8x8", "four-rooms", "door-7x7"})
    void withoutSlip_optimalReturnFollowsShortestPath(String name) {
        GridMap map = GridMap.of(name);
        GridWorldConfig cfg = GridWorldConfig.builder(map).build();
        GridOracle oracle = new GridOracle(cfg);
        Cell goal = map.goal().orElseThrow();
        int[] dist = map.distancesFrom(goal);
        for (Cell start : map.freeCells()) {
            if (!start.equals(goal)) {
                // d - 1 steps paying 0.01, then the goal's +1
                double expected = 1.0 - 0.01 * (dist[map.index(start)] - 1);
                assertEquals(expected, oracle.optimalReturn(new GridTask(start, goal)), 1e-12, name + " " + start);
            }
        }
    }

    @Test
    void handCountedTasks() {
        GridOracle rooms = new GridOracle(GridWorldConfig.builder(GridMap.of("four-rooms")).build());
        assertEquals(0.93, rooms.optimalReturn(new GridTask(new Cell(7, 1), new Cell(7, 7))), 1e-12);
        assertEquals(0.89, rooms.optimalReturn(new GridTask(new Cell(1, 1), new Cell(7, 7))), 1e-12);
        GridOracle open = new GridOracle(GridWorldConfig.builder(GridMap.of("open-8x8")).build());
        assertEquals(0.87, open.optimalReturn(new GridTask(new Cell(7, 0), new Cell(0, 7))), 1e-12);
        assertEquals(0.5, open.fractionOfOptimal(new GridTask(new Cell(7, 0), new Cell(0, 7)), 0.435), 1e-12);
    }

    @Test
    void goalBeyondHorizon_hasNoFractionOfOptimal() {
        GridOracle oracle = new GridOracle(GridWorldConfig.builder(GridMap.of("open-8x8")).horizon(5).build());
        GridTask far = new GridTask(new Cell(7, 0), new Cell(0, 7));
        assertEquals(-0.05, oracle.optimalReturn(far), 1e-12);
        assertThrows(IllegalStateException.class, () -> oracle.fractionOfOptimal(far, 0.1));
    }

    @Test
    void withSlip_oraclePolicyAchievesOracleValue_andRandomDoesWorse() {
        GridMap map = GridMap.of("four-rooms");
        GridWorldConfig cfg = GridWorldConfig.builder(map).slip(0.3).build();
        GridTask task = new GridTask(new Cell(1, 1), new Cell(7, 7));
        GridOracle.Solution solution = new GridOracle(cfg).solve(task);
        double optimal = solution.value(cfg.horizon(), task.start());
        TaskFamily<GridTask, double[], Integer> family = GridWorld.family(cfg,
                new TaskSplit<>(TaskDistribution.fixed(task), TaskDistribution.fixed(new GridTask(new Cell(1, 2),
                        new Cell(7, 7))), TaskDistribution.fixed(new GridTask(new Cell(1, 2), new Cell(7, 7)))));
        int[] t = {0};
        ActionFunction greedy = (obs, rng) -> {
            int rows = (int) obs.size(0);
            double[] flat = obs.dup('c').data().asDouble();
            double[] actions = new double[rows];
            for (int b = 0; b < rows; b++) {
                int cell = 0;
                while (cell < map.size() && flat[b * map.size() + cell] != 1.0) {
                    cell++;
                }
                actions[b] = cell == map.size() ? 0 : solution.action(cfg.horizon() - t[0], map.cell(cell));
            }
            t[0]++;
            return Nd4j.create(actions, new long[] {rows, 1}, DataType.DOUBLE);
        };
        try (LockstepSampler sampler = new LockstepSampler(2, DataType.DOUBLE)) {
            EpisodeBatch batch = sampler.sample(family, List.of(task), 3000, greedy, new SplittableRandom(11));
            ConfidenceInterval achieved = ConfidenceInterval.of(batch.episodeReturns(), 0.9999);
            assertTrue(achieved.lower() <= optimal && optimal <= achieved.upper(),
                    "oracle value " + optimal + " outside the Monte Carlo interval " + achieved);
            double random = Arrays.stream(sampler.sample(family, List.of(task), 500, new RandomActions<>(new Discrete(4)),
                    new SplittableRandom(12)).episodeReturns()).average().orElseThrow();
            assertTrue(random < optimal - 0.3, "random " + random + " vs optimal " + optimal);
        }
    }
}
