package io.github.metarl4j.spark;

import io.github.metarl4j.data.EpisodeBatch;
import io.github.metarl4j.data.HostArrays;
import java.io.Serial;
import java.io.Serializable;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The episodes of one part of a sampling call, as plain arrays an executor sends back (time-major,
 * {@code [T_p, B_p, dim]}), and their merge into the call's batch in task order, padded to the
 * longest part: what the in-process sampler returns for the whole call, bit for bit.
 *
 * @param steps      T_p
 * @param episodes   B_p
 * @param obsDim     observation width
 * @param actDim     action width
 * @param obs        {@code [T_p * B_p * obsDim]}
 * @param act        {@code [T_p * B_p * actDim]}
 * @param rew        {@code [T_p * B_p]}
 * @param lengths    {@code [B_p]}
 * @param terminated {@code [B_p]}
 * @param taskIndex  {@code [B_p]}, within the part
 */
record EpisodePart(int steps, int episodes, int obsDim, int actDim, double[] obs, double[] act, double[] rew,
                   int[] lengths, boolean[] terminated, int[] taskIndex) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    static EpisodePart of(EpisodeBatch b) {
        return new EpisodePart(b.steps(), b.episodes(), b.obsDim(), b.actDim(), HostArrays.read(b.observations()),
                HostArrays.read(b.actions()), HostArrays.read(b.rewards()), b.lengths(), b.terminated(),
                b.taskIndex());
    }

    /** The parts, in task order, as one batch: part p's task i is task {@code first_p + i}. */
    static EpisodeBatch merge(List<EpisodePart> parts, DataType type) {
        int steps = 0;
        int b = 0;
        for (EpisodePart p : parts) {
            steps = Math.max(steps, p.steps());
            b += p.episodes();
        }
        int o = parts.get(0).obsDim();
        int a = parts.get(0).actDim();
        double[] obs = new double[steps * b * o];
        double[] act = new double[steps * b * a];
        double[] rew = new double[steps * b];
        int[] lengths = new int[b];
        boolean[] terminated = new boolean[b];
        int[] taskIndex = new int[b];
        int col = 0;
        int tasks = 0;
        for (EpisodePart p : parts) {
            for (int t = 0; t < p.steps(); t++) {
                System.arraycopy(p.obs(), t * p.episodes() * o, obs, (t * b + col) * o, p.episodes() * o);
                System.arraycopy(p.act(), t * p.episodes() * a, act, (t * b + col) * a, p.episodes() * a);
                System.arraycopy(p.rew(), t * p.episodes(), rew, t * b + col, p.episodes());
            }
            int partTasks = 0;
            for (int j = 0; j < p.episodes(); j++) {
                lengths[col + j] = p.lengths()[j];
                terminated[col + j] = p.terminated()[j];
                taskIndex[col + j] = tasks + p.taskIndex()[j];
                partTasks = Math.max(partTasks, p.taskIndex()[j] + 1);
            }
            col += p.episodes();
            tasks += partTasks;
        }
        return EpisodeBatch.fromArrays(obs, act, rew, steps, b, o, a, lengths, terminated, taskIndex, type);
    }
}
