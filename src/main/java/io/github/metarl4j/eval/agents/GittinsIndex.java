package io.github.metarl4j.eval.agents;

/**
 * The Gittins index of a Bernoulli arm with a Beta(a, b) posterior under discount gamma (Gittins
 * 1979), computed by calibration: the index is the retirement reward rate lambda at which
 * pulling once more and then acting optimally is worth exactly as much as retiring now.
 *
 * <p>With values normalised by {@code 1 - gamma}, for a given lambda
 * {@code W(a, b) = max(lambda, C(a, b))} and
 * {@code C(a, b) = (1 - gamma) p + gamma [p W(a + 1, b) + (1 - p) W(a, b + 1)]}, {@code p = a / (a + b)},
 * truncated at {@code a + b = M} where {@code W = max(lambda, p)} (the posterior mean held
 * forever); M lies {@code ln(1e-7) / ln(gamma)} pulls beyond the deepest tabulated state, so the
 * truncation moves the index by less than 1e-7. {@code C - lambda} falls as lambda grows; one
 * backward pass over all states per lambda on a grid of {@link #GRID} steps on [0, 1] brackets
 * every state's root at once, and linear interpolation between the two grid points places it.
 */
public final class GittinsIndex {

    /** Grid steps on [0, 1]. */
    static final int GRID = 2000;

    private final double gamma;
    private final int maxObservations;
    private final double[] index;

    /**
     * Tabulates the index of every state with at most {@code maxObservations} observations
     * beyond the Beta(1, 1) prior.
     *
     * @param gamma           the discount in (0, 1)
     * @param maxObservations the deepest state tabulated, >= 0
     */
    public GittinsIndex(double gamma, int maxObservations) {
        if (!(gamma > 0 && gamma < 1)) {
            throw new IllegalArgumentException("gamma must be in (0, 1), got " + gamma);
        }
        if (maxObservations < 0) {
            throw new IllegalArgumentException("maxObservations must be >= 0, got " + maxObservations);
        }
        this.gamma = gamma;
        this.maxObservations = maxObservations;
        this.index = tabulate();
    }

    /** The index of Beta(a, b) for integers {@code a, b >= 1} with {@code a + b <= 2 + maxObservations}. */
    public double index(int a, int b) {
        if (a < 1 || b < 1 || a + b > 2 + maxObservations) {
            throw new IllegalArgumentException("state (" + a + ", " + b + ") is outside the table: a, b >= 1 and a + b <= "
                    + (2 + maxObservations));
        }
        return index[slot(a, b)];
    }

    /** The discount. */
    public double gamma() {
        return gamma;
    }

    /** States with {@code a + b = m} occupy slots {@code (m - 2)(m - 1) / 2 + (a - 1)}. */
    private static int slot(int a, int b) {
        int m = a + b;
        return (m - 2) * (m - 1) / 2 + (a - 1);
    }

    private double[] tabulate() {
        int tabulated = 2 + maxObservations;
        int depth = (int) Math.ceil(Math.log(1e-7) / Math.log(gamma));
        int top = tabulated + depth;
        int cells = slot(1, top) + top - 1;
        double[] w = new double[cells];
        double[] out = new double[slot(1, tabulated) + tabulated - 1];
        double[] previousGap = new double[out.length];
        boolean[] found = new boolean[out.length];
        for (int g = 0; g <= GRID; g++) {
            double lambda = (double) g / GRID;
            for (int a = 1; a < top; a++) {
                double p = (double) a / top;
                w[slot(a, top - a)] = Math.max(lambda, p);
            }
            for (int m = top - 1; m >= 2; m--) {
                for (int a = 1; a < m; a++) {
                    int b = m - a;
                    double p = (double) a / m;
                    double continuing = (1 - gamma) * p + gamma * (p * w[slot(a + 1, b)] + (1 - p) * w[slot(a, b + 1)]);
                    w[slot(a, b)] = Math.max(lambda, continuing);
                    if (m <= tabulated) {
                        int s = slot(a, b);
                        double gap = continuing - lambda;
                        if (!found[s] && gap <= 0) {
                            double before = previousGap[s];
                            out[s] = g == 0 ? 0 : lambda - gap / (gap - before) / GRID;
                            found[s] = true;
                        }
                        previousGap[s] = gap;
                    }
                }
            }
        }
        for (int s = 0; s < out.length; s++) {
            if (!found[s]) {
                out[s] = 1;
            }
        }
        return out;
    }
}
