package io.github.metarl4j.offline.ope;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Spearman's rank correlation: the Pearson correlation of the two samples' ranks, tied values
 * sharing the mean of their ranks. It scores an off-policy estimator by whether it orders a set of
 * policies as their true values do (1: the same order; -1: reversed), which is what choosing a policy
 * from estimates needs even when the estimates themselves are biased.
 */
public final class RankCorrelation {

    private RankCorrelation() {
    }

    /**
     * Spearman's rho of {@code x} and {@code y}; NaN if either is constant (no order to compare).
     *
     * @throws IllegalArgumentException if the lengths differ, there are fewer than 2 values, or one is not finite
     */
    public static double spearman(double[] x, double[] y) {
        if (x.length != y.length || x.length < 2) {
            throw new IllegalArgumentException("rank correlation needs two samples of one length >= 2, got " + x.length
                    + " and " + y.length);
        }
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
                throw new IllegalArgumentException("value " + i + " is not finite: " + x[i] + ", " + y[i]);
            }
        }
        return pearson(ranks(x), ranks(y));
    }

    /** Ranks 1..n, ties sharing their mean rank. */
    static double[] ranks(double[] values) {
        Integer[] order = IntStream.range(0, values.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
        double[] ranks = new double[values.length];
        for (int i = 0; i < order.length; ) {
            int j = i;
            while (j + 1 < order.length && values[order[j + 1]] == values[order[i]]) {
                j++;
            }
            double mean = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                ranks[order[k]] = mean;
            }
            i = j + 1;
        }
        return ranks;
    }

    private static double pearson(double[] a, double[] b) {
        double ma = Arrays.stream(a).average().orElseThrow();
        double mb = Arrays.stream(b).average().orElseThrow();
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return saa == 0 || sbb == 0 ? Double.NaN : sab / Math.sqrt(saa * sbb);
    }
}
