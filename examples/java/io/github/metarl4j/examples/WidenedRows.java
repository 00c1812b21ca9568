package io.github.metarl4j.examples;

import io.github.metarl4j.data.TrialBatch;
import io.github.metarl4j.sampler.RowStreams;
import io.github.metarl4j.sampler.TrialInputs;
import io.github.metarl4j.sampler.TrialPolicy;

/**
 * Diagnostic input layouts for RL^2 on tabular MDPs (used by {@link Rl2Cloning}; the library's own
 * second layout is {@link io.github.metarl4j.algo.rl2.Rl2Inputs#PAIRS}): each trial row
 * {@code [observation | previous action, reward, flag]} gains entries computed from the trial's
 * rows so far, the same way for the cloned batches ({@link #widen(TrialBatch)}) and for the clone
 * acting ({@link #policy}).
 */
final class WidenedRows {

    /** What is added to each row; one instance per trial, fed the trial's rows in order. */
    interface Extra {
        /** Writes the added entries of {@code row} of {@code rows} into {@code out} from {@code offset}. */
        void write(TrialInputs layout, double[] rows, int row, double[] out, int offset);
    }

    /** The kinds of added entries. */
    enum Kind {
        /** The previous step's observation: one row holds a whole transition {@code (s, a, r, s')}. */
        PREVIOUS_STATE,
        /**
         * For each action of the current state, its visit count and mean reward so far in the trial
         * (0 before its first visit): the reward statistics the greedy agent's posterior is built on.
         */
        COUNTS;

        int width(int states, int actions) {
            return switch (this) {
                case PREVIOUS_STATE -> states;
                case COUNTS -> 2 * actions;
            };
        }

        Extra newTrial(int states, int actions) {
            return switch (this) {
                case PREVIOUS_STATE -> new Extra() {
                    private final double[] previous = new double[states];

                    @Override
                    public void write(TrialInputs layout, double[] rows, int row, double[] out, int offset) {
                        System.arraycopy(previous, 0, out, offset, states);
                        System.arraycopy(rows, row * layout.width(), previous, 0, states);
                    }
                };
                case COUNTS -> new Extra() {
                    private final double[] count = new double[states * actions];
                    private final double[] sum = new double[states * actions];
                    private int lastState = -1;

                    @Override
                    public void write(TrialInputs layout, double[] rows, int row, double[] out, int offset) {
                        int s = layout.observedIndex(rows, row);
                        java.util.OptionalInt a = layout.previousAction(rows, row);
                        if (a.isPresent() && lastState >= 0) {
                            count[lastState * actions + a.getAsInt()] += 1;
                            sum[lastState * actions + a.getAsInt()] += layout.previousReward(rows, row);
                        }
                        lastState = s;
                        for (int j = 0; j < actions; j++) {
                            double n = count[s * actions + j];
                            out[offset + j] = n;
                            out[offset + actions + j] = n > 0 ? sum[s * actions + j] / n : 0;
                        }
                    }
                };
            };
        }
    }

    private final Kind kind;
    private final int states;
    private final int actions;

    WidenedRows(Kind kind, int states, int actions) {
        this.kind = kind;
        this.states = states;
        this.actions = actions;
    }

    /** The number of entries added to a row. */
    int extra() {
        return kind.width(states, actions);
    }

    /** {@code batch} with every real row widened. */
    TrialBatch widen(TrialBatch batch) {
        int t = batch.steps();
        int b = batch.trials();
        int w = batch.width();
        int wide = w + extra();
        TrialInputs layout = new TrialInputs(states, actions);
        double[] in = new double[t * b * wide];
        for (int k = 0; k < b; k++) {
            Extra extra = kind.newTrial(states, actions);
            for (int s = 0; s < t && batch.mask()[s * b + k]; s++) {
                int row = s * b + k;
                System.arraycopy(batch.inputs(), row * w, in, row * wide, w);
                extra.write(layout, batch.inputs(), row, in, row * wide + w);
            }
        }
        return TrialBatch.of(t, b, wide, in, batch.actions(), batch.rewards(), batch.mask(), batch.episodeEnds());
    }

    /** {@code inner} (a policy of widened rows) acting on the sampler's rows, widening them as {@link #widen} does. */
    TrialPolicy policy(TrialPolicy inner) {
        return (trials, layout) -> {
            int w = layout.width();
            int wide = w + extra();
            TrialPolicy.Actor actor = inner.start(trials, new TrialInputs(layout.obsDim() + extra(), layout.actions()));
            Extra[] extras = new Extra[trials];
            for (int k = 0; k < trials; k++) {
                extras[k] = kind.newTrial(states, actions);
            }
            double[] rows = new double[trials * wide];
            return (double[] inputs, boolean[] active, RowStreams rng, int[] chosen) -> {
                for (int k = 0; k < trials; k++) {
                    System.arraycopy(inputs, k * w, rows, k * wide, w);
                    if (active[k]) {
                        extras[k].write(layout, inputs, k, rows, k * wide + w);
                    }
                }
                actor.act(rows, active, rng, chosen);
            };
        };
    }
}
