package io.github.metarl4j.algo.rl2;

import io.github.metarl4j.data.TrialBatch;
import io.github.metarl4j.sampler.RowStreams;
import io.github.metarl4j.sampler.TrialInputs;
import io.github.metarl4j.sampler.TrialPolicy;
import java.util.OptionalInt;

/**
 * What RL^2's network reads at each step of a trial.
 * <ul>
 *   <li>{@link #PAPER}: the sampler's row {@code [observation | one-hot previous action | previous
 *       reward | previous episode-end flag]} (Duan et al. 2016), width {@code W = obsDim + A + 2}.</li>
 *   <li>{@link #PAIRS}: the row followed by the previous step's (state, action) pair as a one-hot
 *       of {@code S A} entries and the same one-hot times the previous reward ({@code S = obsDim},
 *       the state the index of the observation's largest entry, as for one-hot states), width
 *       {@code W + 2 S A}. The same information, re-encoded so that a running count and reward
 *       sum per pair is a sum over time of one input entry each: with the paper's rows the
 *       pair's state and action arrive on different steps. On the tabular MDPs a GRU cloning the
 *       greedy agent stalls at 111 from the paper's rows and reaches 131 from these
 *       (docs/results-rl2.md).</li>
 * </ul>
 * Computed from the rows alone, so the reference agents, which read the sampler's rows, are
 * unaffected.
 */
public enum Rl2Inputs {
    /** The sampler's rows. */
    PAPER,
    /** The rows and the previous state-action pair, one-hot and times the reward. */
    PAIRS;

    /** The network's input width for the sampler's rows {@code layout}. */
    public int width(TrialInputs layout) {
        return this == PAPER ? layout.width() : layout.width() + 2 * layout.obsDim() * layout.actions();
    }

    /** {@code batch}'s rows as the network reads them (the batch itself for {@link #PAPER}). */
    public TrialBatch widen(TrialBatch batch, TrialInputs layout) {
        if (this == PAPER) {
            return batch;
        }
        int t = batch.steps();
        int b = batch.trials();
        int w = layout.width();
        int wide = width(layout);
        double[] in = new double[t * b * wide];
        for (int k = 0; k < b; k++) {
            int[] last = {-1};
            for (int s = 0; s < t && batch.mask()[s * b + k]; s++) {
                int row = s * b + k;
                System.arraycopy(batch.inputs(), row * w, in, row * wide, w);
                writePair(layout, batch.inputs(), row, in, row * wide + w, last);
            }
        }
        return TrialBatch.of(t, b, wide, in, batch.actions(), batch.rewards(), batch.mask(), batch.episodeEnds());
    }

    /** {@code inner}, a policy of the network's rows, acting on the sampler's rows. */
    public TrialPolicy wrap(TrialPolicy inner) {
        if (this == PAPER) {
            return inner;
        }
        return (trials, layout) -> {
            int w = layout.width();
            int wide = width(layout);
            TrialPolicy.Actor actor = inner.start(trials, new TrialInputs(wide - layout.actions() - 2,
                    layout.actions()));
            int[][] last = new int[trials][];
            for (int k = 0; k < trials; k++) {
                last[k] = new int[] {-1};
            }
            double[] rows = new double[trials * wide];
            return (double[] inputs, boolean[] active, RowStreams rng, int[] actions) -> {
                java.util.Arrays.fill(rows, 0);
                for (int k = 0; k < trials; k++) {
                    if (active[k]) {
                        System.arraycopy(inputs, k * w, rows, k * wide, w);
                        writePair(layout, inputs, k, rows, k * wide + w, last[k]);
                    }
                }
                actor.act(rows, active, rng, actions);
            };
        };
    }

    /** Writes row {@code row}'s pair entries ({@code 2 S A}, zero before them) and remembers its state in {@code last[0]}. */
    private static void writePair(TrialInputs layout, double[] rows, int row, double[] out, int offset, int[] last) {
        int pairs = layout.obsDim() * layout.actions();
        OptionalInt a = layout.previousAction(rows, row);
        if (a.isPresent() && last[0] >= 0) {
            int pair = last[0] * layout.actions() + a.getAsInt();
            out[offset + pair] = 1;
            out[offset + pairs + pair] = layout.previousReward(rows, row);
        }
        last[0] = layout.observedIndex(rows, row);
    }
}
