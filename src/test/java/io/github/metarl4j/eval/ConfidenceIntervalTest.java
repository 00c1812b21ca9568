package io.github.metarl4j.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ConfidenceIntervalTest {

    @Test
    void of95_matchesHandComputedInterval() {
        // mean 2.5, s = sqrt(5/3) = 1.290994, t_{0.975, 3} = 3.182446: half width 3.182446 * 1.290994 / 2
        ConfidenceInterval ci = ConfidenceInterval.of95(new double[] {1, 2, 3, 4});
        assertEquals(2.5, ci.mean(), 1e-12);
        assertEquals(3.182446 * 1.290994 / 2, ci.halfWidth(), 1e-5);
        assertEquals(2.5 - ci.halfWidth(), ci.lower(), 1e-12);
    }

    @Test
    void fewerThanTwoValues_isRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> ConfidenceInterval.of95(new double[] {1}));
        assertEquals("a confidence interval needs at least 2 values, got 1", e.getMessage());
    }
}
