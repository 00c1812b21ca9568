package io.github.metarl4j.policy;

/**
 * The categorical head shared by every discrete policy of the library (the MLP policy, RL^2's
 * recurrent policy): softmax, log-softmax and drawing an action by inversion, on rows of a
 * row-major {@code [N, K]} array of logits.
 */
public final class Categorical {

    private Categorical() {
    }

    /** {@code out = log softmax(x[from, from + k))}, with the maximum subtracted first. */
    public static void logSoftmax(double[] x, int from, int k, double[] out) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < k; j++) {
            max = Math.max(max, x[from + j]);
        }
        double sum = 0;
        for (int j = 0; j < k; j++) {
            sum += Math.exp(x[from + j] - max);
        }
        double log = max + Math.log(sum);
        for (int j = 0; j < k; j++) {
            out[j] = x[from + j] - log;
        }
    }

    /** Replaces every row of the logits {@code z [N * k]} by its softmax and returns {@code z}. */
    public static double[] softmaxInPlace(double[] z, int k) {
        for (int row = 0; row < z.length / k; row++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < k; j++) {
                max = Math.max(max, z[row * k + j]);
            }
            double sum = 0;
            for (int j = 0; j < k; j++) {
                z[row * k + j] = Math.exp(z[row * k + j] - max);
                sum += z[row * k + j];
            }
            for (int j = 0; j < k; j++) {
                z[row * k + j] /= sum;
            }
        }
        return z;
    }

    /**
     * The action drawn by inversion from the probabilities {@code p[from, from + k)} and a uniform
     * {@code u} in [0, 1): the first j whose cumulative probability exceeds u, or the last action
     * when rounding leaves the total below u.
     */
    public static int draw(double[] p, int from, int k, double u) {
        int j = 0;
        double cumulative = p[from];
        while (u >= cumulative && j < k - 1) {
            cumulative += p[from + ++j];
        }
        return j;
    }
}
