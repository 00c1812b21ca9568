package io.github.metarl4j.data;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * B episodes padded to a common length T, stored time-major.
 *
 * <p>Column {@code b} holds one episode: its steps {@code t < lengths[b]} are valid and
 * {@code mask[t, b] = 1} there; past the end every array is zero and the mask is 0. Columns
 * are grouped by task: {@code taskIndex[b]} says which task of the batch column {@code b}
 * played (the sampler lays tasks out contiguously, task-major).
 *
 * <p>The constructor checks every shape and the mask against the lengths. The arrays are
 * shared, not copied: treat them as read-only.
 *
 * @param observations {@code [T, B, obsDim]}: the observation before step t
 * @param actions      {@code [T, B, actDim]}: the action of step t (a discrete action is its
 *                     index, {@code actDim = 1})
 * @param rewards      {@code [T, B]}: the reward of step t
 * @param mask         {@code [T, B]}: 1 for valid steps, 0 for padding
 * @param lengths      {@code [B]}: the number of valid steps of each episode, in [1, T]
 * @param terminated   {@code [B]}: whether the episode ended in a terminal state (else it
 *                     was truncated at the horizon, and its value should be bootstrapped)
 * @param taskIndex    {@code [B]}: the index, within the batch, of each column's task
 */
public record EpisodeBatch(INDArray observations, INDArray actions, INDArray rewards, INDArray mask,
                           int[] lengths, boolean[] terminated, int[] taskIndex) {

    /**
     * Checks the arguments and holds them:
     *
     * @param observations {@code [T, B, obsDim]}: the observation before step t
     * @param actions      {@code [T, B, actDim]}: the action of step t (a discrete action is its
     *                     index, {@code actDim = 1})
     * @param rewards      {@code [T, B]}: the reward of step t
     * @param mask         {@code [T, B]}: 1 for valid steps, 0 for padding
     * @param lengths      {@code [B]}: the number of valid steps of each episode, in [1, T]
     * @param terminated   {@code [B]}: whether the episode ended in a terminal state (else it
     *                     was truncated at the horizon, and its value should be bootstrapped)
     * @param taskIndex    {@code [B]}: the index, within the batch, of each column's task
     */
    public EpisodeBatch {
        requireRank("observations", observations, 3);
        requireRank("actions", actions, 3);
        requireRank("rewards", rewards, 2);
        requireRank("mask", mask, 2);
        long t = observations.size(0);
        long b = observations.size(1);
        requireShape("actions", actions, t, b, actions.size(2));
        requireShape("rewards", rewards, t, b);
        requireShape("mask", mask, t, b);
        DataType type = observations.dataType();
        if (!type.isFPType()) {
            throw new IllegalArgumentException("observations must be floating point, got " + type);
        }
        for (INDArray a : new INDArray[] {actions, rewards, mask}) {
            if (a.dataType() != type) {
                throw new IllegalArgumentException("all arrays must share the observations' data type "
                        + type + ", got " + a.dataType());
            }
        }
        requireLength("lengths", lengths == null ? -1 : lengths.length, b);
        requireLength("terminated", terminated == null ? -1 : terminated.length, b);
        requireLength("taskIndex", taskIndex == null ? -1 : taskIndex.length, b);
        lengths = lengths.clone();
        terminated = terminated.clone();
        taskIndex = taskIndex.clone();
        for (int j = 0; j < b; j++) {
            if (lengths[j] < 1 || lengths[j] > t) {
                throw new IllegalArgumentException("lengths[" + j + "] must be in [1, " + t + "], got " + lengths[j]);
            }
            if (taskIndex[j] < 0) {
                throw new IllegalArgumentException("taskIndex[" + j + "] must be >= 0, got " + taskIndex[j]);
            }
        }
        double[] m = HostArrays.read(mask);
        for (int s = 0; s < t; s++) {
            for (int j = 0; j < b; j++) {
                double expected = s < lengths[j] ? 1 : 0;
                if (m[(int) (s * b + j)] != expected) {
                    throw new IllegalArgumentException("mask[" + s + ", " + j + "] must be " + expected
                            + " for an episode of length " + lengths[j] + ", got " + m[(int) (s * b + j)]);
                }
            }
        }
    }

    /**
     * Builds a batch from time-major Java arrays ({@code obs[(t * B + b) * obsDim + i]} and
     * likewise for actions and rewards), deriving the mask from the lengths.
     */
    public static EpisodeBatch fromArrays(double[] obs, double[] act, double[] rew, int steps, int episodes,
                                          int obsDim, int actDim, int[] lengths, boolean[] terminated,
                                          int[] taskIndex, DataType type) {
        double[] maskData = new double[steps * episodes];
        for (int j = 0; j < episodes; j++) {
            for (int s = 0; s < lengths[j] && s < steps; s++) {
                maskData[s * episodes + j] = 1;
            }
        }
        return new EpisodeBatch(
                HostArrays.create(obs, type, steps, episodes, obsDim),
                HostArrays.create(act, type, steps, episodes, actDim),
                HostArrays.create(rew, type, steps, episodes),
                HostArrays.create(maskData, type, steps, episodes),
                lengths, terminated, taskIndex);
    }

    /**
     * The episodes in columns {@code [from, to)} as a batch of their own, padded to their longest
     * length, with task indices renumbered from 0 (a task's episodes are contiguous when the
     * sampler lays tasks out task-major, so one task is one range).
     */
    public EpisodeBatch columns(int from, int to) {
        if (from < 0 || to > episodes() || from >= to) {
            throw new IllegalArgumentException("column range must satisfy 0 <= from < to <= " + episodes() + ", got ["
                    + from + ", " + to + ")");
        }
        int steps = Arrays.stream(lengths, from, to).max().orElseThrow();
        INDArrayIndex t = NDArrayIndex.interval(0, steps);
        INDArrayIndex b = NDArrayIndex.interval(from, to);
        int[] tasks = Arrays.copyOfRange(taskIndex, from, to);
        int first = Arrays.stream(tasks).min().orElseThrow();
        return new EpisodeBatch(observations.get(t, b, NDArrayIndex.all()).dup('c'),
                actions.get(t, b, NDArrayIndex.all()).dup('c'), rewards.get(t, b).dup('c'), mask.get(t, b).dup('c'),
                Arrays.copyOfRange(lengths, from, to), Arrays.copyOfRange(terminated, from, to),
                Arrays.stream(tasks).map(i -> i - first).toArray());
    }

    /** T, the padded length. */
    public int steps() {
        return (int) observations.size(0);
    }

    /** B, the number of episodes. */
    public int episodes() {
        return (int) observations.size(1);
    }

    public int obsDim() {
        return (int) observations.size(2);
    }

    public int actDim() {
        return (int) actions.size(2);
    }

    /** The number of distinct task indices, {@code max(taskIndex) + 1}. */
    public int numTasks() {
        return Arrays.stream(taskIndex).max().orElse(-1) + 1;
    }

    @Override
    public int[] lengths() {
        return lengths.clone();
    }

    @Override
    public boolean[] terminated() {
        return terminated.clone();
    }

    @Override
    public int[] taskIndex() {
        return taskIndex.clone();
    }

    /** {@code [B]}: the undiscounted return of each episode (sum of its valid rewards). */
    public double[] episodeReturns() {
        double[] r = HostArrays.read(rewards);
        int b = episodes();
        double[] out = new double[b];
        for (int j = 0; j < b; j++) {
            for (int s = 0; s < lengths[j]; s++) {
                out[j] += r[s * b + j];
            }
        }
        return out;
    }

    /** The mean undiscounted return over all episodes. */
    public double meanEpisodeReturn() {
        return Arrays.stream(episodeReturns()).average().orElseThrow();
    }

    /** The number of environment steps in the batch (the sum of the episode lengths). */
    public long totalSteps() {
        return Arrays.stream(lengths).asLongStream().sum();
    }

    /** {@code [numTasks]}: the mean return over the episodes of each task. */
    public double[] meanReturnPerTask() {
        double[] returns = episodeReturns();
        int n = numTasks();
        double[] sum = new double[n];
        int[] count = new int[n];
        for (int j = 0; j < returns.length; j++) {
            sum[taskIndex[j]] += returns[j];
            count[taskIndex[j]]++;
        }
        for (int i = 0; i < n; i++) {
            sum[i] = count[i] == 0 ? Double.NaN : sum[i] / count[i];
        }
        return sum;
    }

    private static void requireRank(String name, INDArray a, int rank) {
        if (a == null || a.rank() != rank) {
            throw new IllegalArgumentException(name + " must be an array of rank " + rank + ", got "
                    + (a == null ? "null" : Arrays.toString(a.shape())));
        }
    }

    private static void requireShape(String name, INDArray a, long... shape) {
        if (!Arrays.equals(a.shape(), shape)) {
            throw new IllegalArgumentException(name + " must have shape " + Arrays.toString(shape) + ", got "
                    + Arrays.toString(a.shape()));
        }
    }

    private static void requireLength(String name, int length, long expected) {
        if (length != expected) {
            throw new IllegalArgumentException(name + " must have length B = " + expected + ", got "
                    + (length < 0 ? "null" : length));
        }
    }
}
