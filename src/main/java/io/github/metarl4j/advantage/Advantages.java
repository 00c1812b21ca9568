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
     * Normalises advantages per task to zero mean and unit standard deviation under the weighting
     * of MAML's losses, the mean over each episode's own valid steps and then over the task's
     * episodes (as the MAML reference implementation does): with {@code w_{t,b} = 1 / len_b} on
     * valid steps, {@code mean = sum w A / sum w}, {@code std^2 = sum w (A - mean)^2 / sum w},
     * {@code (A - mean) / (std + 1e-8)}, zero past each end ({@link #standardize} with one group per
     * task). The episode-mean of the result is exactly zero, so a REINFORCE or TRPO loss built on it
     * carries no constant-offset term: with terminated episodes of unequal lengths a mean over steps
     * would leave one, whose score-function term grows with {@code 1 / sigma} and dominates the
     * meta-gradient late in training.
     */
    public static INDArray normalizePerTask(EpisodeBatch batch, INDArray advantages) {
        int b = batch.episodes();
        double[] a = read("advantages", advantages, batch);
        int[] lengths = batch.lengths();
        int[] task = batch.taskIndex();
        double[] weight = new double[a.length];
        int[] group = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            weight[i] = i / b < lengths[i % b] ? 1.0 / lengths[i % b] : 0;
            group[i] = task[i % b];
        }
        return like(batch, standardize(a, weight, group, batch.numTasks()));
    }

    /**
     * The library's one advantage normalisation: each group's entries shifted and scaled to weighted
     * mean 0 and weighted population standard deviation 1, {@code (x - mean_g) / (std_g + 1e-8)} with
     * {@code mean_g = sum w x / sum w} and {@code std_g^2 = sum w (x - mean_g)^2 / sum w} over the
     * group, in two passes; entries of weight 0 are excluded and set to 0. MAML normalises per task
     * with the weights {@code 1 / len_b} of its episode-mean losses ({@link #normalizePerTask}), RL^2
     * over its whole batch with weight 1 on every valid step.
     *
     * @param values  any length N
     * @param weights {@code [N]}, each finite and {@code >= 0}; 0 for an entry that does not count
     * @param group   {@code [N]}, each entry's group in [0, groups)
     * @param groups  the number of groups; a group without weighted entries is left at 0
     * @return a new array {@code [N]}
     * @throws IllegalArgumentException if the lengths differ, a weight is negative or not finite, or
     *                                  a weighted entry's group is out of range
     */
    public static double[] standardize(double[] values, double[] weights, int[] group, int groups) {
        if (weights.length != values.length || group.length != values.length) {
            throw new IllegalArgumentException("values, weights and group must have one length, got "
                    + values.length + ", " + weights.length + ", " + group.length);
        }
        double[] sum = new double[groups];
        double[] total = new double[groups];
        for (int i = 0; i < values.length; i++) {
            if (!(weights[i] >= 0) || Double.isInfinite(weights[i])) {
                throw new IllegalArgumentException("weights[" + i + "] must be finite and >= 0, got " + weights[i]);
            }
            if (weights[i] > 0) {
                if (group[i] < 0 || group[i] >= groups) {
                    throw new IllegalArgumentException("group[" + i + "] must be in [0, " + groups + "), got "
                            + group[i]);
                }
                sum[group[i]] += weights[i] * values[i];
                total[group[i]] += weights[i];
            }
        }
        double[] sq = new double[groups];
        for (int i = 0; i < values.length; i++) {
            if (weights[i] > 0) {
                double dev = values[i] - sum[group[i]] / total[group[i]];
                sq[group[i]] += weights[i] * dev * dev;
            }
        }
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            int k = group[i];
            if (weights[i] > 0) {
                out[i] = (values[i] - sum[k] / total[k]) / (Math.sqrt(sq[k] / total[k]) + 1e-8);
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
