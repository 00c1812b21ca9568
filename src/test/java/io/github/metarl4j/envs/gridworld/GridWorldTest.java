package io.github.metarl4j.envs.gridworld;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metarl4j.env.StepResult;
import org.junit.jupiter.api.Test;

class GridWorldTest {

    private static final GridMap ROOMS = GridMap.of("four-rooms");
    private static final int UP = 0;
    private static final int RIGHT = 1;
    private static final int DOWN = 2;
    private static final int LEFT = 3;

    private static int cellOf(double[] oneHot) {
        for (int i = 0; i < oneHot.length; i++) {
            if (oneHot[i] == 1) {
                return i;
            }
        }
        throw new AssertionError("no hot entry");
    }

    @Test
    void step_intoWall_keepsPosition() {
        GridWorld env = new GridWorld(GridWorldConfig.builder(ROOMS).build(), new GridTask(new Cell(1, 1), new Cell(7, 7)));
        env.reset(0);
        assertEquals(ROOMS.index(new Cell(1, 1)), cellOf(env.step(UP).observation()));
        assertEquals(ROOMS.index(new Cell(1, 1)), cellOf(env.step(LEFT).observation()));
        assertEquals(ROOMS.index(new Cell(1, 2)), cellOf(env.step(RIGHT).observation()));
    }

    @Test
    void step_offTheBorder_keepsPosition() {
        GridMap open = GridMap.of("open-8x8");
        GridWorld env = new GridWorld(GridWorldConfig.builder(open).build(), new GridTask(new Cell(7, 0), new Cell(0, 7)));
        env.reset(0);
        assertEquals(open.index(new Cell(7, 0)), cellOf(env.step(DOWN).observation()));
        assertEquals(open.index(new Cell(7, 0)), cellOf(env.step(LEFT).observation()));
    }

    @Test
    void rewards_payStepCostThenGoalRewardAndTerminate() {
        GridWorld env = new GridWorld(GridWorldConfig.builder(ROOMS).stepCost(0.05).goalReward(2).build(),
                new GridTask(new Cell(7, 5), new Cell(7, 7)));
        env.reset(0);
        StepResult<double[]> first = env.step(RIGHT);
        assertEquals(-0.05, first.reward());
        assertFalse(first.done());
        StepResult<double[]> second = env.step(RIGHT);
        assertEquals(2.0, second.reward());
        assertTrue(second.terminated());
        assertFalse(second.truncated());
        var e = assertThrows(IllegalStateException.class, () -> env.step(RIGHT));
        assertEquals("step called with no running episode; call reset(seed) first", e.getMessage());
    }

    @Test
    void coordinateObservations_areScaledToUnitSquare() {
        GridTask task = new GridTask(new Cell(7, 1), new Cell(7, 7));
        double[] coords = new GridWorld(GridWorldConfig.builder(ROOMS).observation(ObservationMode.COORDINATES)
                .build(), task).reset(0);
        assertArrayEquals(new double[] {7 / 8.0, 1 / 8.0}, coords, 0);
        double[] withGoal = new GridWorld(GridWorldConfig.builder(ROOMS)
                .observation(ObservationMode.COORDINATES_AND_GOAL).build(), task).reset(0);
        assertArrayEquals(new double[] {7 / 8.0, 1 / 8.0, 7 / 8.0, 7 / 8.0}, withGoal, 0);
    }

    @Test
    void fullSlip_replacesActionsUniformly() {
        GridMap open = GridMap.of("open-8x8");
        GridWorld env = new GridWorld(GridWorldConfig.builder(open).slip(1.0).build(),
                new GridTask(new Cell(4, 4), new Cell(0, 7)));
        int[] counts = new int[4];
        int[] moveTo = {open.index(new Cell(3, 4)), open.index(new Cell(4, 5)), open.index(new Cell(5, 4)),
            open.index(new Cell(4, 3))};
        for (int i = 0; i < 8000; i++) {
            env.reset(i);
            int cell = cellOf(env.step(UP).observation());
            for (int m = 0; m < 4; m++) {
                counts[m] += cell == moveTo[m] ? 1 : 0;
            }
        }
        for (int m = 0; m < 4; m++) {
            assertEquals(2000, counts[m], 200, "move " + m); // Binomial(8000, 1/4): sd 39
        }
    }

    @Test
    void zeroSlip_isDeterministicWhateverTheSeed() {
        GridWorldConfig cfg = GridWorldConfig.builder(ROOMS).build();
        GridTask task = new GridTask(new Cell(1, 1), new Cell(7, 7));
        GridWorld a = new GridWorld(cfg, task);
        GridWorld b = new GridWorld(cfg, task);
        a.reset(1);
        b.reset(2);
        for (int action : new int[] {DOWN, RIGHT, DOWN, DOWN, RIGHT}) {
            assertArrayEquals(a.step(action).observation(), b.step(action).observation());
        }
    }

    @Test
    void invalidActions_areRejectedWithMessages() {
        GridWorld env = new GridWorld(GridWorldConfig.builder(ROOMS).build(), new GridTask(new Cell(1, 1), new Cell(7, 7)));
        env.reset(0);
        assertEquals("action must be an integer in [0, 4), got 4",
                assertThrows(IllegalArgumentException.class, () -> env.step(4)).getMessage());
        assertEquals("action must be an integer in [0, 4), got null",
                assertThrows(IllegalArgumentException.class, () -> env.step(null)).getMessage());
    }

    @Test
    void badConfigsAndTasks_areRejectedWithMessages() {
        assertEquals("slip must be in [0, 1], got 1.5", assertThrows(IllegalArgumentException.class,
                () -> GridWorldConfig.builder(ROOMS).slip(1.5).build()).getMessage());
        assertEquals("horizon must be >= 1, got 0", assertThrows(IllegalArgumentException.class,
                () -> GridWorldConfig.builder(ROOMS).horizon(0).build()).getMessage());
        assertEquals("stepCost must be finite and >= 0, got -0.1", assertThrows(IllegalArgumentException.class,
                () -> GridWorldConfig.builder(ROOMS).stepCost(-0.1).build()).getMessage());
        assertEquals("task start must be a free cell of the map, got (0, 0), a wall",
                assertThrows(IllegalArgumentException.class, () -> new GridWorld(GridWorldConfig.builder(ROOMS)
                        .build(), new GridTask(new Cell(0, 0), new Cell(7, 7)))).getMessage());
        assertEquals("start must differ from the goal, got both (7, 7)", assertThrows(IllegalArgumentException.class,
                () -> new GridTask(new Cell(7, 7), new Cell(7, 7))).getMessage());
    }

    @Test
    void defaultHorizon_isFourTimesRowsPlusCols() {
        assertEquals(72, GridWorldConfig.builder(ROOMS).build().horizon());
        assertEquals(64, GridWorldConfig.builder(GridMap.of("open-8x8")).build().horizon());
    }
}
