package io.github.metarl4j.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void oneValue_hasAMeanButNoInterval_andNoValueIsRejected() {
        ConfidenceInterval one = ConfidenceInterval.of95(new double[] {0.7});
        assertEquals(0.7, one.mean());
        assertTrue(Double.isNaN(one.halfWidth()));
        assertFalse(one.hasInterval());
        assertEquals("0.7000", one.toString());
        var e = assertThrows(IllegalArgumentException.class, () -> ConfidenceInterval.of95(new double[0]));
        assertEquals("a mean needs at least 1 value, got 0", e.getMessage());
        assertEquals("the half-width must be NaN for exactly one value, got 0.1 for 1",
                assertThrows(IllegalArgumentException.class, () -> new ConfidenceInterval(1, 0.1, 0.95, 1)).getMessage());
    }
}
