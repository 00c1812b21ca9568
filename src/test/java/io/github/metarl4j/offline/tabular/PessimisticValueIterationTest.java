package io.github.metarl4j.offline.tabular;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.metarl4j.data.TransitionDataset;
import io.github.metarl4j.space.Box;
import io.github.metarl4j.space.Discrete;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Two states, two actions. The data: (s0, a0) -> reward 1, terminal, twice; (s0, a1) -> reward 0, to
 * s1; (s1, a0) -> reward 5, terminal; (s1, a1) never tried. Values by hand below.
 */
class PessimisticValueIterationTest {

    private static final TransitionDataset DATA = TransitionDataset.of(Box.of(0, 1, 2), new Discrete(2),
            new TransitionDataset.Columns(
                    new double[] {1, 0, 1, 0, 1, 0, 0, 1},
                    new double[] {0, 0, 1, 0},
                    new double[] {1, 1, 0, 5},
                    new double[] {1, 0, 1, 0, 0, 1, 0, 1},
                    new boolean[] {true, true, false, true},
                    new boolean[] {false, false, false, false}, Optional.empty(), Optional.empty()));
    private static final EmpiricalMdp MODEL = EmpiricalMdp.of(DATA, StateIndex.oneHot(2), 2, 2);

    @Test
    void empiricalModel_countsAndAveragesTheTransitions() {
        assertArrayEquals(new int[] {2, 1, 1, 0}, MODEL.counts());
        assertArrayEquals(new double[] {1, 0, 5, 0}, MODEL.rewards());
        assertArrayEquals(new double[] {1, 0, 1, 0}, MODEL.ends());
        assertArrayEquals(new double[] {0, 0, 0, 1, 0, 0, 0, 0}, MODEL.next());
        assertEquals(0, MODEL.minReward());
    }

    @Test
    void pessimism_matchesTheHandComputedValues_andFlipsTheChoiceAtS0() {
        // beta 0: Q(s1,a0) = 5, Q(s0,a1) = 0.9 * 5 = 4.5, Q(s0,a0) = 1; unseen Q(s1,a1) = floor 0
        PessimisticValueIteration.Solution none = PessimisticValueIteration.solve(MODEL, 0, 0.9);
        assertArrayEquals(new double[] {1, 4.5, 5, 0}, none.q(), 1e-12);
        assertArrayEquals(new int[] {1, 0}, none.policy());
        // beta 1: Q(s1,a0) = 4, Q(s0,a1) = -1 + 0.9 * 4 = 2.6, Q(s0,a0) = 1 - 1 / sqrt 2
        PessimisticValueIteration.Solution one = PessimisticValueIteration.solve(MODEL, 1, 0.9);
        assertArrayEquals(new double[] {1 - 1 / Math.sqrt(2), 2.6, 4, 0}, one.q(), 1e-12);
        assertArrayEquals(new double[] {2.6, 4}, one.v(), 1e-12);
        assertArrayEquals(new int[] {1, 0}, one.policy());
        // beta 3: Q(s1,a0) = 2, Q(s0,a1) = -3 + 1.8 = -1.2 < Q(s0,a0) = 1 - 3 / sqrt 2 = -1.1213: the twice-seen action wins
        PessimisticValueIteration.Solution three = PessimisticValueIteration.solve(MODEL, 3, 0.9);
        assertArrayEquals(new double[] {1 - 3 / Math.sqrt(2), -1.2, 2, 0}, three.q(), 1e-12);
        assertArrayEquals(new int[] {0, 0}, three.policy());
    }

    @Test
    void badArguments_andObservations_areRefused() {
        assertEquals("gamma must be in [0, 1), got 1.0", assertThrows(IllegalArgumentException.class,
                () -> PessimisticValueIteration.solve(MODEL, 1, 1)).getMessage());
        assertEquals("beta must be finite and >= 0, got -1.0", assertThrows(IllegalArgumentException.class,
                () -> PessimisticValueIteration.solve(MODEL, -1, 0.9)).getMessage());
        TransitionDataset fuzzy = TransitionDataset.of(Box.of(0, 1, 2), new Discrete(2), new TransitionDataset.Columns(
                new double[] {0.5, 0.5}, new double[] {0}, new double[] {1}, new double[] {1, 0}, new boolean[] {true},
                new boolean[] {false}, Optional.empty(), Optional.empty()));
        assertEquals("observations row 0: expected a one-hot observation of 2 states, got [0.5, 0.5]",
                assertThrows(IllegalArgumentException.class, () -> EmpiricalMdp.of(fuzzy, StateIndex.oneHot(2), 2, 2))
                        .getMessage());
    }
}
