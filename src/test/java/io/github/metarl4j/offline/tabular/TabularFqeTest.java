package io.github.metarl4j.offline.tabular;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Tabular FQE's two horizons and its treatment of pairs without data, against hand-computed values. */
class TabularFqeTest {

    /**
     * One state, two actions: action 0 (seen) pays 1 and stays, action 1 has no data. Row s of pi:
     * always action 0.
     */
    private static final EmpiricalMdp LOOP = new EmpiricalMdp(1, 2, new int[] {3, 0}, new double[] {1, 0},
            new double[] {0, 0}, new double[] {1, 0}, 1);
    private static final double[] STAY = {1, 0};

    @Test
    void finiteHorizon_isTheDiscountedSumOfTheStepsLeft() {
        // Q_3(s, 0) = 1 + 0.9 + 0.81; the unseen pair pays -1 on each of its 3 steps: -(1 + 0.9 + 0.81)
        double[] q = TabularFqe.evaluate(LOOP, STAY, 0.9, -1, 3);
        assertArrayEquals(new double[] {2.71, -2.71}, q, 1e-12);
        assertArrayEquals(new double[] {1, 0}, TabularFqe.evaluate(LOOP, STAY, 0.9, 0, 1), 1e-12);
        // gamma 1 is allowed with a horizon: the undiscounted return
        assertArrayEquals(new double[] {5, -5}, TabularFqe.evaluate(LOOP, STAY, 1, -1, 5), 1e-12);
    }

    @Test
    void infiniteHorizon_isTheFixedPoint_andTheLimitOfTheFiniteOne() {
        double[] q = TabularFqe.evaluate(LOOP, STAY, 0.9, -1);
        assertArrayEquals(new double[] {10, -10}, q, 1e-9);
        assertArrayEquals(q, TabularFqe.evaluate(LOOP, STAY, 0.9, -1, 2000), 1e-9);
        assertEquals(0, TabularFqe.evaluate(LOOP, STAY, 0.9, 0)[1]);
    }

    @Test
    void badArguments_areRefused_namingTheValue() {
        assertEquals("horizon must be >= 1, got 0", assertThrows(IllegalArgumentException.class,
                () -> TabularFqe.evaluate(LOOP, STAY, 0.9, 0, 0)).getMessage());
        assertEquals("gamma must be in [0, 1), got 1.0", assertThrows(IllegalArgumentException.class,
                () -> TabularFqe.evaluate(LOOP, STAY, 1, 0)).getMessage());
        assertEquals("pi must hold 1 x 2 probabilities, got 1", assertThrows(IllegalArgumentException.class,
                () -> TabularFqe.evaluate(LOOP, new double[] {1}, 0.9, 0)).getMessage());
        assertEquals("unseenReward must be finite, got NaN", assertThrows(IllegalArgumentException.class,
                () -> TabularFqe.evaluate(LOOP, STAY, 0.9, Double.NaN, 3)).getMessage());
    }

    @Test
    void selection_prefersTheSeenAction_overOneTheDataNeverTried() {
        // state 0 starts every episode; action 0 pays 0.5 and ends; action 1 has no data
        EmpiricalMdp model = new EmpiricalMdp(1, 2, new int[] {4, 0}, new double[] {0.5, 0}, new double[] {1, 0},
                new double[] {0, 0}, 0.5);
        FqeSelection s = FqeSelection.of(List.of(new double[] {0, 1}, new double[] {1, 0}, new double[] {0.5, 0.5}),
                model, new int[] {0, 0}, 0.99, 10);
        // the unseen action is worth min(0, 0.5) per step = 0; the mixture half of 0.5
        assertArrayEquals(new double[] {0, 0.5, 0.25}, s.estimates(), 1e-12);
        assertEquals(1, s.best());
        assertEquals("selection needs at least one candidate and one start state, got 0 and 2",
                assertThrows(IllegalArgumentException.class, () -> FqeSelection.of(List.of(), model,
                        new int[] {0, 0}, 0.99, 10)).getMessage());
    }
}
