package io.github.metarl4j.examples;

import io.github.metarl4j.data.TrialBatch;
import io.github.metarl4j.sampler.RowStreams;
import io.github.metarl4j.sampler.TrialInputs;
import io.github.metarl4j.sampler.TrialPolicy;

/**
 * A diagnostic input layout for RL^2 on tabular MDPs (used by {@link Rl2Cloning}; the library's own
 * layouts are {@link io.github.metarl4j.algo.rl2.Rl2Inputs}): each trial row
 * {@code [observation | previous action, reward, flag]} gains the previous step's observation, so
 * that one row holds a whole transition {@code (s, a, r, s')}; the same way for the cloned batches
 * ({@link #widen(TrialBatch)}) and for the clone acting ({@link #policy}).
 */
final class WidenedRows {

    private final int states;

    /** @param states the number of states S (observations are one-hot {@code [S]}) */
    WidenedRows(int states) {
        this.states = states;
    }

    /** The number of entries added to a row. */
    int extra() {
        return states;
    }

    /** {@code batch} with every real row widened. */
    TrialBatch widen(TrialBatch batch) {
        int t = batch.steps();
        int b = batch.trials();
        int w = batch.width();
        int wide = w + extra();
        double[] in = new double[t * b * wide];
        for (int k = 0; k < b; k++) {
            double[] previous = new double[states];
            for (int s = 0; s < t && batch.mask()[s * b + k]; s++) {
                int row = s * b + k;
                System.arraycopy(batch.inputs(), row * w, in, row * wide, w);
                write(previous, batch.inputs(), row, w, in, row * wide + w);
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
            double[][] previous = new double[trials][states];
            double[] rows = new double[trials * wide];
            return (double[] inputs, boolean[] active, RowStreams rng, int[] chosen) -> {
                for (int k = 0; k < trials; k++) {
                    System.arraycopy(inputs, k * w, rows, k * wide, w);
                    if (active[k]) {
                        write(previous[k], inputs, k, w, rows, k * wide + w);
                    }
                }
                actor.act(rows, active, rng, chosen);
            };
        };
    }

    /** Writes the previous observation of row {@code row} and remembers this row's. */
    private void write(double[] previous, double[] rows, int row, int width, double[] out, int offset) {
        System.arraycopy(previous, 0, out, offset, states);
        System.arraycopy(rows, row * width, previous, 0, states);
    }
}
