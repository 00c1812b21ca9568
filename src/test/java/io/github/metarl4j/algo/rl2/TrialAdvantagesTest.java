package io.github.metarl4j.algo.rl2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.metarl4j.data.TrialBatch;
import org.junit.jupiter.api.Test;

/** GAE over whole trials against a hand computation, across an episode boundary and with padding. */
class TrialAdvantagesTest {

    @Test
    void advantagesAndReturns_matchTheHandComputation() {
        // two trials, [T=3, B=2] row-major; trial 1 has 2 real steps, then padding
        double[] rewards = {1, 2, 0, 3, 5, 0};
        boolean[] mask = {true, true, true, true, true, false};
        boolean[] ends = {false, false, true, false, true, false};
        TrialBatch batch = TrialBatch.of(3, 2, 1, new double[6], new int[6], rewards, mask, ends);
        double[] values = {0.5, 1.0, 0.25, 2.0, 0.75, 9.0};
        double g = 0.9;
        double l = 0.5;
        TrialAdvantages a = TrialAdvantages.of(batch, values, g, l);
        // trial 0: steps t = 0, 1, 2 at indices 0, 2, 4; the episode boundary at t = 1 does not cut the bootstrap
        double d2 = 5 + g * 0 - 0.75;
        double d1 = 0 + g * 0.75 - 0.25;
        double d0 = 1 + g * 0.25 - 0.5;
        double a2 = d2;
        double a1 = d1 + g * l * a2;
        double a0 = d0 + g * l * a1;
        // trial 1: steps t = 0, 1 at indices 1, 3; the value at the padding is ignored
        double e1 = 3 + g * 0 - 2.0;
        double e0 = 2 + g * 2.0 - 1.0;
        double b1 = e1;
        double b0 = e0 + g * l * b1;
        assertArrayEquals(new double[] {a0, b0, a1, b1, a2, 0}, a.advantages(), 1e-15);
        assertArrayEquals(new double[] {a0 + 0.5, b0 + 1.0, a1 + 0.25, b1 + 2.0, a2 + 0.75, 0}, a.returns(), 1e-15);
    }

    @Test
    void aRealStepAfterPadding_isRefused() {
        boolean[] mask = {true, false, true};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrialBatch.of(3, 1, 1, new double[3], new int[3], new double[3], mask, new boolean[3]));
        assertEquals("trial 0 has a real step 2 after padding", e.getMessage());
    }
}
