package io.github.metarl4j.eval;

import java.util.Arrays;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * The median of right-censored values with its distribution-free confidence interval: values that
 * were never observed (a run that did not reach a target within its budget) count as larger than
 * every observed value, so they are kept, not dropped. The interval is the order-statistic interval
 * {@code [X_(l), X_(u)]} (1-based), with {@code l} the largest index such that
 * {@code P(Bin(n, 1/2) < l) <= (1 - level) / 2} and {@code u = n + 1 - l}, whose coverage is at least
 * {@code level} for any continuous distribution (e.g. n = 10: {@code [X_(2), X_(9)]}, 97.9%). A
 * median or bound that falls on a censored value is reported as empty: larger than the budget.
 *
 * @param n         the number of values, censored ones included
 * @param censored  how many were not observed
 * @param median    the median where it is observed (the mean of the two middle values for even n)
 * @param lower     the interval's lower end where it is observed
 * @param upper     the interval's upper end where it is observed
 * @param coverage  the interval's exact coverage, {@code P(l <= Bin(n, 1/2) < u)}; NaN where n is
 *                  too small for any order-statistic interval at the level (then both ends are empty)
 */
public record CensoredMedian(int n, int censored, OptionalDouble median, OptionalDouble lower, OptionalDouble upper,
                             double coverage) {

    /**
     * The median and its interval of {@code values}, an empty entry being censored.
     *
     * @throws IllegalArgumentException if there are no values
     */
    public static CensoredMedian of(OptionalInt[] values, double level) {
        int n = values.length;
        if (n == 0) {
            throw new IllegalArgumentException("a median needs at least 1 value, got none");
        }
        double[] sorted = new double[n];
        int censored = 0;
        for (int i = 0; i < n; i++) {
            sorted[i] = values[i].isPresent() ? values[i].getAsInt() : Double.POSITIVE_INFINITY;
            censored += values[i].isPresent() ? 0 : 1;
        }
        Arrays.sort(sorted);
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        BinomialDistribution bin = new BinomialDistribution(null, n, 0.5);
        int l = 0;
        while (l + 1 <= n && bin.cumulativeProbability(l) <= (1 - level) / 2) {
            l++;
        }
        int u = n + 1 - l;
        if (l < 1 || u > n || l >= u) {
            return new CensoredMedian(n, censored, observed(median), OptionalDouble.empty(), OptionalDouble.empty(),
                    Double.NaN);
        }
        double coverage = bin.cumulativeProbability(u - 1) - bin.cumulativeProbability(l - 1);
        return new CensoredMedian(n, censored, observed(median), observed(sorted[l - 1]), observed(sorted[u - 1]),
                coverage);
    }

    private static OptionalDouble observed(double v) {
        return Double.isInfinite(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    /** As text: {@code 20 [10, 40]}, with {@code > budget} for censored entries. */
    public String text(int budget) {
        String m = median.isPresent() ? fmt(median.getAsDouble()) : "> " + budget;
        if (Double.isNaN(coverage)) {
            return m;
        }
        return m + " [" + (lower.isPresent() ? fmt(lower.getAsDouble()) : "> " + budget) + ", "
                + (upper.isPresent() ? fmt(upper.getAsDouble()) : "> " + budget) + "]";
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
