package io.github.metarl4j.advantage;

import io.github.metarl4j.data.EpisodeBatch;
import io.github.metarl4j.data.HostArrays;
import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Discounted returns, generalised advantage estimation and per-task normalisation over padded
 * {@code [T, B]} arrays, computed in plain Java over the valid steps (zero past each
 * episode's end).
 *
 * <p>References: Schulman, Moritz, Levine, Jordan and Abbeel, "High-Dimensional Continuous
 * Control Using Generalized Advantage Estimation", ICLR 2016. Values past an episode's end are
 * zero, for terminated and truncated episodes alike (the MAML reference does the same; a batch
 * keeps no observation after the last step to bootstrap from).
 */
public final class Advantages {

    private Advantages() {
    }

    /** {@code R_t = r_t + gamma R_{t+1}} within each episode, {@code [T, B]}. */
    public static INDArray discountedReturns(EpisodeBatch batch, double gamma) {
        checkDiscount("gamma", gamma);
        int t = batch.steps();
        int b = batch.episodes();
        double[] r = HostArrays.read(batch.rewards());
        int[] lengths = batch.lengths();
        double[] out = new double[t * b];
        for (int j = 0; j < b; j++) {
            double ret = 0;
            for (int s = lengths[j] - 1; s >= 0; s--) {
                ret = r[s * b + j] + gamma * ret;
                out[s * b + j] = ret;
            }
        }
        return like(batch, out);
    }

    /**
     * GAE(gamma, lambda): {@code delta_t = r_t + gamma V_{t+1} - V_t} (with {@code V = 0} past the end),
     * {@code A_t = delta_t + gamma lambda A_{t+1}}, {@code [T, B]}.
     *
     * @param values {@code [T, B]} baseline values (zero past each episode's end)
     */
    public static INDArray gae(EpisodeBatch batch, INDArray values, double gamma, double lambda) {
        checkDiscount("gamma", gamma);
        checkDiscount("lambda", lambda);
        double[] v = read("values", values, batch);
        return like(batch, gae(HostArrays.read(batch.rewards()), v, batch.steps(), batch.episodes(), batch.lengths(),
                gamma, lambda));
    }

    /**
     * GAE(gamma, lambda) on plain row-major {@code [T, B]} arrays whose column j holds
     * {@code lengths[j]} valid steps from t = 0: {@code delta_t = r_t + gamma V_{t+1} - V_t} with
     * {@code V = 0} after a column's last step, {@code A_t = delta_t + gamma lambda A_{t+1}}; zero
     * past each column's end. The one GAE of the library: episodes for MAML, whole trials for RL^2.
     *
     * @param rewards {@code [T, B]}
     * @param values  {@code [T, B]}
     * @param steps   T
     * @param columns B
     * @param lengths {@code [B]}, each in [0, T]
     * @return the advantages {@code [T, B]}
     */
    public static double[] gae(double[] rewards, double[] values, int steps, int columns, int[] lengths, double gamma,
                               double lambda) {
        double[] out = new double[steps * columns];
        for (int j = 0; j < columns; j++) {
            double adv = 0;
            for (int s = lengths[j] - 1; s >= 0; s--) {
                double next = s + 1 < lengths[j] ? values[(s + 1) * columns + j] : 0;
                adv = rewards[s * columns + j] + gamma * next - values[s * columns + j] + gamma * lambda * adv;
                out[s * columns + j] = adv;
            }
        }
        return out;
    }

    /**
     * Checks a discount {@code gamma} and a GAE {@code lambda}, both in [0, 1], naming the one out of range.
     *
     * @throws IllegalArgumentException if either is outside [0, 1] or NaN
     */
    public static void checkDiscounts(double gamma, double lambda) {
        if (!(gamma >= 0 && gamma <= 1)) {
            throw new IllegalArgumentException("gamma must be in [0, 1], got " + gamma);
        }
        if (!(lambda >= 0 && lambda <= 1)) {
            throw new IllegalArgumentException("gaeLambda must be in [0, 1], got " + lambda);
        }
    }

    /**
     * Normalises advantages per task to zero mean and unit (population) standard deviation
     * over that task's valid steps: {@code (A - mean) / (std + 1e-8)}, zero past each end.
     */
    public static INDArray normalizePerTask(EpisodeBatch batch, INDArray advantages) {
        int b = batch.episodes();
        double[] a = read("advantages", advantages, batch);
        int[] lengths = batch.lengths();
        int[] task = batch.taskIndex();
        int tasks = batch.numTasks();
        double[] sum = new double[tasks];
        double[] count = new double[tasks];
        for (int i = 0; i < a.length; i++) {
            if (i / b < lengths[i % b]) {
                sum[task[i % b]] += a[i];
                count[task[i % b]]++;
            }
        }
        double[] sq = new double[tasks];
        for (int i = 0; i < a.length; i++) {
            if (i / b < lengths[i % b]) {
                double dev = a[i] - sum[task[i % b]] / count[task[i % b]];
                sq[task[i % b]] += dev * dev;
            }
        }
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            int k = task[i % b];
            if (i / b < lengths[i % b]) {
                out[i] = (a[i] - sum[k] / count[k]) / (Math.sqrt(sq[k] / count[k]) + 1e-8);
            }
        }
        return like(batch, out);
    }

    private static INDArray like(EpisodeBatch batch, double[] values) {
        return Nd4j.create(values, new long[] {batch.steps(), batch.episodes()}, batch.rewards().dataType());
    }

    private static double[] read(String name, INDArray a, EpisodeBatch batch) {
        if (a == null || a.rank() != 2 || a.size(0) != batch.steps() || a.size(1) != batch.episodes()) {
            throw new IllegalArgumentException(name + " must have shape [" + batch.steps() + ", "
                    + batch.episodes() + "], got " + (a == null ? "null" : Arrays.toString(a.shape())));
        }
        return HostArrays.read(a);
    }

    private static void checkDiscount(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1], got " + value);
        }
    }
}
