package io.github.metarl4j.data;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * B trials of n episodes each (Duan et al. 2016, "RL^2"): an {@link EpisodeBatch} with a trial
 * structure. Column b of {@link #episodes()} is trial b, its episodes back to back (the column's
 * length is the trial's), its observations the policy's input rows {@code [T, B, width]}, its
 * actions the discrete action indices {@code [T, B, 1]}, all in double precision; beside it,
 * {@link #episodeEnds()} marks the steps that ended an episode. A trial ends when its last episode
 * does and nothing follows it, so every column counts as terminated. The row-major
 * {@code [T, B]} views the RL^2 learner reads ({@link #inputs()}, {@link #actions()},
 * {@link #rewards()}, {@link #mask()}) are read from the batch once, on first use; treat them as
 * read-only.
 */
public final class TrialBatch {

    private final EpisodeBatch episodes;
    private final boolean[] episodeEnds;
    private double[] inputs;
    private int[] actions;
    private double[] rewards;
    private boolean[] mask;

    /**
     * @param episodes    one column per trial, in DOUBLE, with observation width the input row's
     *                    and action width 1
     * @param episodeEnds {@code [T, B]}: the step ended an episode (terminated or truncated); copied
     */
    public TrialBatch(EpisodeBatch episodes, boolean[] episodeEnds) {
        if (episodes.observations().dataType() != DataType.DOUBLE || episodes.actDim() != 1) {
            throw new IllegalArgumentException("trials are a DOUBLE episode batch with one action index per step, "
                    + "got " + episodes.observations().dataType() + " with action width " + episodes.actDim());
        }
        if (episodeEnds.length != episodes.steps() * episodes.episodes()) {
            throw new IllegalArgumentException("episodeEnds must be [T, B] = [" + episodes.steps() + ", "
                    + episodes.episodes() + "], got " + episodeEnds.length + " entries");
        }
        this.episodes = episodes;
        this.episodeEnds = episodeEnds.clone();
    }

    /**
     * Trials from row-major Java arrays: row {@code t * B + b} of each is step t of trial b.
     *
     * @param mask true on each trial's steps, which run from step 0 without a gap
     * @throws IllegalArgumentException if the arrays are not {@code [T, B]} or a trial has a real step
     *                                  after its padding
     */
    public static TrialBatch of(int steps, int trials, int width, double[] inputs, int[] actions, double[] rewards,
                                boolean[] mask, boolean[] episodeEnds) {
        int n = steps * trials;
        if (inputs.length != n * width || actions.length != n || rewards.length != n || mask.length != n
                || episodeEnds.length != n) {
            throw new IllegalArgumentException("trial arrays must be [T, B] = [" + steps + ", " + trials + "]");
        }
        int[] lengths = new int[trials];
        for (int b = 0; b < trials; b++) {
            while (lengths[b] < steps && mask[lengths[b] * trials + b]) {
                lengths[b]++;
            }
            for (int s = lengths[b]; s < steps; s++) {
                if (mask[s * trials + b]) {
                    throw new IllegalArgumentException("trial " + b + " has a real step " + s + " after padding");
                }
            }
        }
        double[] act = new double[n];
        for (int i = 0; i < n; i++) {
            act[i] = actions[i];
        }
        boolean[] terminated = new boolean[trials];
        Arrays.fill(terminated, true);
        int[] taskIndex = new int[trials];
        Arrays.setAll(taskIndex, b -> b);
        return new TrialBatch(EpisodeBatch.fromArrays(inputs, act, rewards, steps, trials, width, 1, lengths,
                terminated, taskIndex, DataType.DOUBLE), episodeEnds);
    }

    /** The trials as an episode batch, one column per trial. */
    public EpisodeBatch episodes() {
        return episodes;
    }

    /** T. */
    public int steps() {
        return episodes.steps();
    }

    /** B. */
    public int trials() {
        return episodes.episodes();
    }

    /** The input row's width. */
    public int width() {
        return episodes.obsDim();
    }

    /** {@code [B]}: each trial's number of steps. */
    public int[] lengths() {
        return episodes.lengths();
    }

    /** {@code [T, B, width]} row-major: the policy's input at each step. */
    public double[] inputs() {
        if (inputs == null) {
            inputs = HostArrays.read(episodes.observations());
        }
        return inputs;
    }

    /** {@code [T, B]}: the action index of each step. */
    public int[] actions() {
        if (actions == null) {
            double[] a = HostArrays.read(episodes.actions());
            actions = new int[a.length];
            for (int i = 0; i < a.length; i++) {
                actions[i] = (int) a[i];
            }
        }
        return actions;
    }

    /** {@code [T, B]}: the reward of each step. */
    public double[] rewards() {
        if (rewards == null) {
            rewards = HostArrays.read(episodes.rewards());
        }
        return rewards;
    }

    /** {@code [T, B]}: true on real steps, false on the padding after a trial's last step. */
    public boolean[] mask() {
        if (mask == null) {
            double[] m = HostArrays.read(episodes.mask());
            mask = new boolean[m.length];
            for (int i = 0; i < m.length; i++) {
                mask[i] = m[i] != 0;
            }
        }
        return mask;
    }

    /** {@code [T, B]}: the step ended an episode (terminated or truncated); a copy. */
    public boolean[] episodeEnds() {
        return episodeEnds.clone();
    }

    /**
     * {@code [B][n]}: the return of each episode of each trial, in order; a trial that ended fewer
     * than {@code episodes} episodes has zeros after its last one.
     */
    public double[][] episodeReturns(int n) {
        int b = trials();
        double[] r = rewards();
        boolean[] m = mask();
        double[][] out = new double[b][n];
        for (int trial = 0; trial < b; trial++) {
            int episode = 0;
            for (int t = 0; t < steps() && episode < n; t++) {
                int i = t * b + trial;
                if (m[i]) {
                    out[trial][episode] += r[i];
                    episode += episodeEnds[i] ? 1 : 0;
                }
            }
        }
        return out;
    }

    /** {@code [B]}: each trial's total reward, the RL^2 paper's score (its column's return). */
    public double[] trialReturns() {
        return episodes.episodeReturns();
    }

    /** The number of real (unpadded) steps. */
    public long totalSteps() {
        return episodes.totalSteps();
    }
}
