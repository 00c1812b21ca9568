package io.github.metarl4j.eval;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * A Student-t confidence interval for a mean: {@code mean +- t_{(1+level)/2, n-1} * s / sqrt(n)},
 * with s the sample standard deviation (Commons Math's {@link TDistribution}). One value has a mean
 * but no interval: its half-width is NaN ({@link #hasInterval()} is false), and tables print it as
 * a bare mean.
 *
 * @param mean      the sample mean
 * @param halfWidth half the interval's width; NaN for a single value
 * @param level     the confidence level, e.g. 0.95
 * @param n         the number of values, at least 1
 */
public record ConfidenceInterval(double mean, double halfWidth, double level, int n) {

    /**
     * Checks the arguments and holds them:
     *
     * @param mean      the sample mean
     * @param halfWidth half the interval's width; NaN for a single value
     * @param level     the confidence level, e.g. 0.95
     * @param n         the number of values, at least 1
     */
    public ConfidenceInterval {
        if (n < 1) {
            throw new IllegalArgumentException("a mean needs at least 1 value, got " + n);
        }
        if (n == 1 != Double.isNaN(halfWidth)) {
            throw new IllegalArgumentException("the half-width must be NaN for exactly one value, got " + halfWidth
                    + " for " + n);
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1), got " + level);
        }
    }

    /** The 95% interval of the mean of {@code values}. */
    public static ConfidenceInterval of95(double[] values) {
        return of(values, 0.95);
    }

    /** The interval of the mean of {@code values} at {@code level}. */
    public static ConfidenceInterval of(double[] values, double level) {
        SummaryStatistics stats = new SummaryStatistics();
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("values must be finite, got " + v);
            }
            stats.addValue(v);
        }
        int n = (int) stats.getN();
        if (n < 1) {
            throw new IllegalArgumentException("a mean needs at least 1 value, got " + n);
        }
        if (n == 1) {
            return new ConfidenceInterval(stats.getMean(), Double.NaN, level, 1);
        }
        double t = new TDistribution(n - 1).inverseCumulativeProbability((1 + level) / 2);
        return new ConfidenceInterval(stats.getMean(), t * stats.getStandardDeviation() / Math.sqrt(n), level, n);
    }

    /** Whether there is an interval (at least two values). */
    public boolean hasInterval() {
        return n >= 2;
    }

    public double lower() {
        return mean - halfWidth;
    }

    public double upper() {
        return mean + halfWidth;
    }

    @Override
    public String toString() {
        return hasInterval() ? String.format("%.4f +- %.4f", mean, halfWidth) : String.format("%.4f", mean);
    }
}
