package io.github.metarl4j.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The across-seed summary and the censored median, against hand-computed values. */
class SeedSummaryTest {

    /** A curve of one task whose fractions of optimal are {@code fractions} (returns equal them). */
    private static AdaptationCurve curve(String name, double... fractions) {
        List<ConfidenceInterval> f = new ArrayList<>();
        double[][] perTask = new double[fractions.length][];
        for (int k = 0; k < fractions.length; k++) {
            f.add(ConfidenceInterval.of95(new double[] {fractions[k]}));
            perTask[k] = new double[] {fractions[k]};
        }
        return new AdaptationCurve(name, f, f, perTask);
    }

    @Test
    void censoredMedian_ofTenValues_usesTheSecondAndNinthOrderStatistics() {
        OptionalInt[] v = new OptionalInt[10];
        int[] observed = {40, 10, 30, 0, 20, 50, 60, 70};
        for (int i = 0; i < 8; i++) {
            v[i] = OptionalInt.of(observed[i]);
        }
        v[8] = OptionalInt.empty();
        v[9] = OptionalInt.empty();
        CensoredMedian m = CensoredMedian.of(v, 0.95);
        // sorted: 0 10 20 30 40 50 60 70 inf inf; median (40 + 50) / 2; interval [X(2), X(9)] = [10, inf)
        assertEquals(45.0, m.median().getAsDouble());
        assertEquals(10.0, m.lower().getAsDouble());
        assertFalse(m.upper().isPresent());
        assertEquals(2, m.censored());
        // P(2 <= Bin(10, 1/2) <= 8) = 1 - 2 (1 + 10) / 1024
        assertEquals(1 - 22.0 / 1024, m.coverage(), 1e-12);
        assertEquals("45 [10, > 200]", m.text(200));
    }

    @Test
    void censoredMedian_withMostValuesCensored_isBeyondTheBudget_andTooFewValuesHaveNoInterval() {
        OptionalInt[] v = {OptionalInt.of(5), OptionalInt.empty(), OptionalInt.empty()};
        CensoredMedian m = CensoredMedian.of(v, 0.95);
        assertFalse(m.median().isPresent());
        assertTrue(Double.isNaN(m.coverage()), "3 values cannot give a 95% order-statistic interval");
        assertEquals("> 30", m.text(30));
        assertThrows(IllegalArgumentException.class, () -> CensoredMedian.of(new OptionalInt[0], 0.95));
    }

    @Test
    void summary_meansOverSeeds_pairedDifferences_areas_andEpisodesToTarget() {
        List<List<AdaptationCurve>> seeds = List.of(
                List.of(curve("maml", 0.2, 0.95, 1.0), curve("scratch", 0.0, 0.5, 0.9)),
                List.of(curve("maml", 0.4, 0.85, 0.92), curve("scratch", 0.1, 0.3, 0.5)),
                List.of(curve("maml", 0.0, 0.6, 0.8), curve("scratch", 0.2, 0.4, 0.6)));
        SeedSummary s = SeedSummary.of(seeds, 0.9, 10);
        assertEquals(List.of("maml", "scratch"), s.arms());
        assertTrue(s.fraction());
        assertEquals(3, s.seeds());
        assertEquals(2, s.steps());
        // maml at k = 1: mean of 0.95, 0.85, 0.6
        assertEquals((0.95 + 0.85 + 0.6) / 3, s.curves().get(0).get(1).mean(), 1e-12);
        assertEquals(ConfidenceInterval.of95(new double[] {0.95, 0.85, 0.6}), s.curves().get(0).get(1));
        // paired difference maml - scratch at k = 2: 0.1, 0.42, 0.2
        ConfidenceInterval expected = ConfidenceInterval.of95(new double[] {0.1, 0.42, 0.2});
        assertEquals(expected.mean(), s.differences().get(0).get(2).mean(), 1e-12);
        assertEquals(expected.halfWidth(), s.differences().get(0).get(2).halfWidth(), 1e-12);
        // areas: maml (0.2 + 0.95 + 1) / 3, ...; paired area differences
        double[] mamlArea = {(0.2 + 0.95 + 1.0) / 3, (0.4 + 0.85 + 0.92) / 3, (0.0 + 0.6 + 0.8) / 3};
        double[] scratchArea = {(0.0 + 0.5 + 0.9) / 3, (0.1 + 0.3 + 0.5) / 3, (0.2 + 0.4 + 0.6) / 3};
        assertEquals(ConfidenceInterval.of95(mamlArea).mean(), s.areas().get(0).mean(), 1e-12);
        assertEquals(ConfidenceInterval.of95(new double[] {mamlArea[0] - scratchArea[0], mamlArea[1] - scratchArea[1],
            mamlArea[2] - scratchArea[2]}).mean(), s.areaDifferences().get(0).mean(), 1e-12);
        // maml reaches 0.9 at k = 1, k = 2, never: 10, 20, censored; scratch at k = 2 on seed 1 only
        CensoredMedian maml = s.episodesToTarget().get(0);
        assertEquals(20.0, maml.median().getAsDouble());
        assertEquals(1, maml.censored());
        assertEquals(2, s.episodesToTarget().get(1).censored());
    }

    @Test
    void seedsWithOtherArms_areRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> SeedSummary.of(List.of(
                List.of(curve("maml", 0.1, 0.2)), List.of(curve("scratch", 0.1, 0.2))), 0.9, 10));
        assertEquals("every seed must evaluate the same arms [maml] over the same k", e.getMessage());
    }
}
