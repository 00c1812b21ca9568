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
 *   <li>{@link #COUNTS}: the row followed by, for each action of the current state, the number of
 *       times the trial has taken it there and the mean reward it paid (0 before its first time),
 *       width {@code W + 2 A}: reward statistics computed for the network, not the paper's RL^2. A
 *       diagnostic: it separates learning to keep such statistics in the GRU from learning to act
 *       on them (docs/results-rl2.md).</li>
 *   <li>{@link #PREVIOUS_STATE}: the row followed by the previous step's observation, width
 *       {@code W + obsDim}, so that one row holds a whole transition {@code (s, a, r, s')}. A
 *       diagnostic of whether splitting a transition across two rows is what holds the GRU back
 *       (it is not: docs/results-rl2.md).</li>
 * </ul>
 * Computed from the rows alone, so the reference agents, which read the sampler's rows, are
 * unaffected.
 */
public enum Rl2Inputs {
    /** The sampler's rows. */
    PAPER,
    /** The rows and the previous state-action pair, one-hot and times the reward. */
    PAIRS,
    /** The rows and the current state's per-action visit counts and mean rewards. */
    COUNTS,
    /** The rows and the previous step's observation. */
    PREVIOUS_STATE;

    /** The network's input width for the sampler's rows {@code layout}. */
    public int width(TrialInputs layout) {
        return switch (this) {
            case PAPER -> layout.width();
            case PAIRS -> layout.width() + 2 * layout.obsDim() * layout.actions();
            case COUNTS -> layout.width() + 2 * layout.actions();
            case PREVIOUS_STATE -> layout.width() + layout.obsDim();
        };
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
            Trace trace = new Trace(layout);
            for (int s = 0; s < t && batch.mask()[s * b + k]; s++) {
                int row = s * b + k;
                System.arraycopy(batch.inputs(), row * w, in, row * wide, w);
                write(trace, batch.inputs(), row, in, row * wide + w);
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
            Trace[] traces = new Trace[trials];
            for (int k = 0; k < trials; k++) {
                traces[k] = new Trace(layout);
            }
            double[] rows = new double[trials * wide];
            return (double[] inputs, boolean[] active, RowStreams rng, int[] actions) -> {
                java.util.Arrays.fill(rows, 0);
                for (int k = 0; k < trials; k++) {
                    if (active[k]) {
                        System.arraycopy(inputs, k * w, rows, k * wide, w);
                        write(traces[k], inputs, k, rows, k * wide + w);
                    }
                }
                actor.act(rows, active, rng, actions);
            };
        };
    }

    /** Writes row {@code row}'s added entries (zero before them) and moves {@code trace} past the row. */
    private void write(Trace trace, double[] rows, int row, double[] out, int offset) {
        TrialInputs layout = trace.layout;
        int actions = layout.actions();
        OptionalInt a = layout.previousAction(rows, row);
        int pair = a.isPresent() && trace.lastState >= 0 ? trace.lastState * actions + a.getAsInt() : -1;
        double reward = pair >= 0 ? layout.previousReward(rows, row) : 0;
        int state = layout.observedIndex(rows, row);
        if (this == PREVIOUS_STATE) {
            System.arraycopy(trace.previous, 0, out, offset, layout.obsDim());
            System.arraycopy(rows, row * layout.width(), trace.previous, 0, layout.obsDim());
        } else if (this == PAIRS) {
            if (pair >= 0) {
                out[offset + pair] = 1;
                out[offset + trace.count.length + pair] = reward;
            }
        } else {
            if (pair >= 0) {
                trace.count[pair] += 1;
                trace.sum[pair] += reward;
            }
            for (int j = 0; j < actions; j++) {
                double n = trace.count[state * actions + j];
                out[offset + j] = n;
                out[offset + actions + j] = n > 0 ? trace.sum[state * actions + j] / n : 0;
            }
        }
        trace.lastState = state;
    }

    /** One trial's memory of its rows so far: the last observation and state, and each pair's visits and reward sum. */
    private static final class Trace {
        private final TrialInputs layout;
        private final double[] count;
        private final double[] sum;
        private final double[] previous;
        private int lastState = -1;

        private Trace(TrialInputs layout) {
            this.layout = layout;
            this.previous = new double[layout.obsDim()];
            this.count = new double[layout.obsDim() * layout.actions()];
            this.sum = new double[count.length];
        }
    }
}
