package io.github.metarl4j.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** PPO's clipped term against hand-computed values, and its ratio derivative against differences. */
class PpoClipTest {

    @Test
    void term_isMinusTheMinimumOfTheRatioAndClippedProducts() {
        double eps = 0.2;
        // A = 2 (w = -2): r = 1.5 clips to 1.2, -min(3, 2.4) = -2.4
        assertEquals(-2.4, PpoClip.term(1.5, -2, eps), 1e-15);
        assertFalse(PpoClip.unclipped(1.5, -2, eps));
        // A = 2, r = 0.5: -min(1, 1.6) = -1, the ratio term is active
        assertEquals(-1.0, PpoClip.term(0.5, -2, eps), 1e-15);
        assertTrue(PpoClip.unclipped(0.5, -2, eps));
        // A = -1 (w = 1): r = 1.5, -min(-1.5, -1.2) = 1.5, active
        assertEquals(1.5, PpoClip.term(1.5, 1, eps), 1e-15);
        assertTrue(PpoClip.unclipped(1.5, 1, eps));
        // A = -1, r = 0.5 clips to 0.8: -min(-0.5, -0.8) = 0.8
        assertEquals(0.8, PpoClip.term(0.5, 1, eps), 1e-15);
        assertFalse(PpoClip.unclipped(0.5, 1, eps));
        assertEquals(1.2, PpoClip.clip(7, eps), 0);
        assertEquals(0.8, PpoClip.clip(-3, eps), 1e-15);
    }

    @Test
    void derivativeInTheRatio_isWWhereUnclipped_zeroWhereClipped() {
        double eps = 0.1;
        double h = 1e-7;
        for (double r : new double[] {0.3, 0.95, 1.05, 1.7}) {
            for (double w : new double[] {-1.3, 0.7}) {
                double fd = (PpoClip.term(r + h, w, eps) - PpoClip.term(r - h, w, eps)) / (2 * h);
                assertEquals(PpoClip.unclipped(r, w, eps) ? w : 0, fd, 1e-7, "r " + r + ", w " + w);
            }
        }
    }
}
