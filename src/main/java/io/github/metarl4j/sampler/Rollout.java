package io.github.metarl4j.sampler;

import io.github.metarl4j.data.EpisodeBatch;
import io.github.metarl4j.data.HostArrays;
import io.github.metarl4j.data.TransitionDataset;
import io.github.metarl4j.env.Env;
import io.github.metarl4j.env.EnvSpec;
import io.github.metarl4j.env.StepResult;
import io.github.metarl4j.space.Space;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** One lockstep rollout: the state of B columns over at most {@code horizon} steps. */
final class Rollout<O, A> {

    private final Space<O> obsSpace;
    private final Space<A> actSpace;
    private final List<Env<O, A>> envs;
    private final int[] taskIndex;
    private final DataType dataType;
    private final Columns columns;
    private final int horizon;
    private final int b;
    private final int obsDim;
    private final int actDim;
    private final double[] obs;
    private final double[] act;
    private final double[] rew;
    private final int[] lengths;
    private final boolean[] terminated;
    private final double[] lastObs;
    private double[] actions;
    private int t;

    Rollout(EnvSpec<O, A> spec, List<Env<O, A>> envs, long[] seeds, int[] taskIndex, DataType dataType,
            ForkJoinPool pool, int threads) {
        this.obsSpace = spec.observationSpace();
        this.actSpace = spec.actionSpace();
        this.envs = envs;
        this.taskIndex = taskIndex;
        this.dataType = dataType;
        this.columns = new Columns(pool, threads);
        this.horizon = spec.horizon();
        this.b = envs.size();
        this.obsDim = obsSpace.flatDim();
        this.actDim = actSpace.flatDim();
        this.obs = new double[horizon * b * obsDim];
        this.act = new double[horizon * b * actDim];
        this.rew = new double[horizon * b];
        this.lengths = new int[b];
        this.terminated = new boolean[b];
        this.lastObs = new double[b * obsDim];
        for (int col = 0; col < b; col++) {
            writeObservation(col, 0, envs.get(col).reset(seeds[col]));
        }
    }

    EpisodeBatch run(ActionFunction policy, RowStreams rng) {
        play(policy, rng);
        int steps = Arrays.stream(lengths).max().orElse(0);
        return EpisodeBatch.fromArrays(obs, act, rew, steps, b, obsDim, actDim, lengths, terminated, taskIndex,
                dataType);
    }

    /**
     * Plays the episodes like {@link #run} and returns them as transitions, column after column
     * (task-major), each episode's last next-observation the one its environment ended on.
     */
    TransitionDataset transitions(ActionFunction policy, RowStreams rng) {
        play(policy, rng);
        int n = Arrays.stream(lengths).sum();
        double[] o = new double[n * obsDim];
        double[] next = new double[n * obsDim];
        double[] a = new double[n * actDim];
        double[] r = new double[n];
        boolean[] term = new boolean[n];
        boolean[] trunc = new boolean[n];
        int row = 0;
        for (int col = 0; col < b; col++) {
            for (int s = 0; s < lengths[col]; s++, row++) {
                int at = s * b + col;
                System.arraycopy(obs, at * obsDim, o, row * obsDim, obsDim);
                boolean last = s == lengths[col] - 1;
                System.arraycopy(last ? lastObs : obs, (last ? col : at + b) * obsDim, next, row * obsDim, obsDim);
                System.arraycopy(act, at * actDim, a, row * actDim, actDim);
                r[row] = rew[at];
                term[row] = last && terminated[col];
                trunc[row] = last && !terminated[col];
            }
        }
        return TransitionDataset.of(obsSpace, actSpace, new TransitionDataset.Columns(o, a, r, next, term, trunc,
                Optional.of(taskIndex.clone()), Optional.empty()));
    }

    private void play(ActionFunction policy, RowStreams rng) {
        PolicyInput input = new PolicyInput(dataType, b, obsDim);
        int active = b;
        for (t = 0; t < horizon && active > 0; t++) {
            actions = readActions(policy.act(input.load(obs, t * b * obsDim), rng));
            stepAll();
            active = 0;
            for (int col = 0; col < b; col++) {
                active += lengths[col] == 0 ? 1 : 0;
            }
        }
    }

    /** Steps every running column, split across the threads. */
    private void stepAll() {
        columns.forEach(b, col -> {
            if (lengths[col] == 0) {
                stepColumn(col);
            }
        });
    }

    private void stepColumn(int col) {
        int at = t * b + col;
        StepResult<O> r;
        try {
            r = envs.get(col).step(actSpace.read(actions, col * actDim));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IllegalArgumentException("column " + col + " (task " + taskIndex[col] + "), step " + t
                    + ": " + e.getMessage(), e);
        }
        System.arraycopy(actions, col * actDim, act, at * actDim, actDim);
        double reward = r.reward();
        if (!Double.isFinite(reward)) {
            throw new IllegalArgumentException("column " + col + " (task " + taskIndex[col] + "), step " + t
                    + ": environment reward must be finite, got " + reward);
        }
        rew[at] = reward;
        if (r.done()) {
            lengths[col] = t + 1;
            terminated[col] = r.terminated();
            write(col, r.observation(), lastObs, col * obsDim);
        } else if (t + 1 >= horizon) {
            throw new IllegalStateException("column " + col + ": environment did not end within its horizon "
                    + horizon);
        } else {
            writeObservation(col, t + 1, r.observation());
        }
    }

    /** Records column {@code col}'s observation before step {@code step}; ended columns stay zero. */
    private void writeObservation(int col, int step, O observation) {
        write(col, observation, obs, (step * b + col) * obsDim);
    }

    private void write(int col, O observation, double[] dst, int offset) {
        try {
            obsSpace.write(observation, dst, offset);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("column " + col + " (task " + taskIndex[col]
                    + "): environment observation does not fit the observation space: " + e.getMessage(), e);
        }
    }

    private double[] readActions(INDArray a) {
        if (a == null || a.rank() != 2 || a.size(0) != b || a.size(1) != actDim) {
            throw new IllegalArgumentException("policy must return actions of shape [B, actDim] = [" + b + ", "
                    + actDim + "], got " + (a == null ? "null" : Arrays.toString(a.shape())));
        }
        return HostArrays.read(a);
    }
}
