package io.github.metarl4j.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.metarl4j.envs.tabular.TabularMdp;
import org.junit.jupiter.api.Test;

class TabularExpertTest {

    /**
     * s0: action 0 pays 1 and stays, action 1 pays 0 and moves to s1; s1: action 0 pays 3 and stays,
     * action 1 pays 0 and moves to s0.
     */
    private static final TabularMdp MDP = new TabularMdp(2, 2, new double[] {1, 0, 0, 1, 0, 1, 1, 0},
            new double[] {1, 0, 3, 0});

    @Test
    void theExpert_actsAsTheOptimalPolicyWithTheWholeHorizonToGo() {
        // H = 1: only the immediate reward counts, s0 takes its 1
        assertEquals(0, new TabularExpert(1).action(MDP, new double[] {1, 0}));
        // H = 3, by hand: V_2 = (1, 3); V_1(s0) = max(1 + 1, 0 + 3) = 3, V_1(s1) = max(3 + 3, 0 + 1) = 6;
        // at the first step s0 compares 1 + 3 with 0 + 6 and moves; s1 compares 3 + 6 with 0 + 3 and stays
        TabularExpert expert = new TabularExpert(3);
        assertEquals(1, expert.action(MDP, new double[] {1, 0}));
        assertEquals(0, expert.action(MDP, new double[] {0, 1}));
    }

    @Test
    void aWrongObservationOrHorizon_isRefused() {
        assertEquals("expected a one-hot state of 2 states, got 3 values", assertThrows(IllegalArgumentException.class,
                () -> new TabularExpert(3).action(MDP, new double[] {0, 1, 0})).getMessage());
        assertEquals("horizon must be >= 1, got 0", assertThrows(IllegalArgumentException.class,
                () -> new TabularExpert(0)).getMessage());
    }
}
