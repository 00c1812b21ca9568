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
     * over that task's valid steps: {@code (A - mean) / (std + 1e-8)}, zero past each end
     * ({@link #standardize} with one group per task).
     */
    public static INDArray normalizePerTask(EpisodeBatch batch, INDArray advantages) {
        int b = batch.episodes();
        double[] a = read("advantages", advantages, batch);
        int[] lengths = batch.lengths();
        int[] task = batch.taskIndex();
        boolean[] valid = new boolean[a.length];
        int[] group = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            valid[i] = i / b < lengths[i % b];
            group[i] = task[i % b];
        }
        return like(batch, standardize(a, valid, group, batch.numTasks()));
    }

    /**
     * The library's one advantage normalisation: each group's valid entries shifted and scaled to
     * mean 0 and population standard deviation 1, {@code (x - mean_g) / (std_g + 1e-8)}, with the
     * mean and the standard deviation in two passes; invalid entries are 0. MAML normalises per task
     * (one group per task), RL^2 over its whole batch (one group).
     *
     * @param values any length N
     * @param valid  {@code [N]}, which entries count
     * @param group  {@code [N]}, each entry's group in [0, groups)
     * @param groups the number of groups; a group without valid entries is left at 0
     * @return a new array {@code [N]}
     * @throws IllegalArgumentException if the lengths differ or a valid entry's group is out of range
     */
    public static double[] standardize(double[] values, boolean[] valid, int[] group, int groups) {
        if (valid.length != values.length || group.length != values.length) {
            throw new IllegalArgumentException("values, valid and group must have one length, got "
                    + values.length + ", " + valid.length + ", " + group.length);
        }
        double[] sum = new double[groups];
        double[] count = new double[groups];
        for (int i = 0; i < values.length; i++) {
            if (valid[i]) {
                if (group[i] < 0 || group[i] >= groups) {
                    throw new IllegalArgumentException("group[" + i + "] must be in [0, " + groups + "), got "
                            + group[i]);
                }
                sum[group[i]] += values[i];
                count[group[i]]++;
            }
        }
        double[] sq = new double[groups];
        for (int i = 0; i < values.length; i++) {
            if (valid[i]) {
                double dev = values[i] - sum[group[i]] / count[group[i]];
                sq[group[i]] += dev * dev;
            }
        }
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            int k = group[i];
            if (valid[i]) {
                out[i] = (values[i] - sum[k] / count[k]) / (Math.sqrt(sq[k] / count[k]) + 1e-8);
            }
        }
        return out;
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
