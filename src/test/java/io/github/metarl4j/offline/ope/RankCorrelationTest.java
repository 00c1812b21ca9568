package io.github.metarl4j.offline.ope;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RankCorrelationTest {

    @Test
    void spearman_matchesHandComputedCases() {
        assertEquals(1, RankCorrelation.spearman(new double[] {1, 2, 3}, new double[] {10, 200, 3000}), 1e-15);
        assertEquals(-1, RankCorrelation.spearman(new double[] {1, 2, 3}, new double[] {3, 2, 1}), 1e-15);
        // no ties: 1 - 6 sum d^2 / (n (n^2 - 1)); ranks (1,2,3,4) and (2,1,4,3): sum d^2 = 4, rho = 1 - 24/60 = 0.6
        assertEquals(0.6, RankCorrelation.spearman(new double[] {1, 2, 3, 4}, new double[] {5, 1, 9, 7}), 1e-15);
        assertEquals(Double.NaN, RankCorrelation.spearman(new double[] {1, 2, 3}, new double[] {0, 0, 0}));
    }

    @Test
    void ties_shareTheirMeanRank() {
        assertArrayEquals(new double[] {1, 2.5, 2.5, 4}, RankCorrelation.ranks(new double[] {-1, 0, 0, 7}), 0);
        // ranks (1, 2.5, 2.5, 4) against (1, 2, 3, 4): Pearson by hand = 4.5 / sqrt(4.5 * 5)
        assertEquals(4.5 / Math.sqrt(4.5 * 5), RankCorrelation.spearman(new double[] {-1, 0, 0, 7},
                new double[] {1, 2, 3, 4}), 1e-15);
    }

    @Test
    void badSamples_areRefused() {
        assertEquals("rank correlation needs two samples of one length >= 2, got 2 and 3",
                assertThrows(IllegalArgumentException.class, () -> RankCorrelation.spearman(new double[2],
                        new double[3])).getMessage());
        assertEquals("value 1 is not finite: NaN, 2.0", assertThrows(IllegalArgumentException.class,
                () -> RankCorrelation.spearman(new double[] {1, Double.NaN}, new double[] {1, 2})).getMessage());
    }
}
