package io.github.metarl4j.examples;

import io.github.metarl4j.data.TrialBatch;
import io.github.metarl4j.sampler.RowStreams;
import io.github.metarl4j.sampler.TrialInputs;
import io.github.metarl4j.sampler.TrialPolicy;

/**
 * A diagnostic input layout for RL^2 (used by {@link Rl2Cloning}): each trial row gains the
 * observation of the step before, {@code [observation | previous action, reward, flag | previous
 * observation]}, so that one row holds a whole transition {@code (s, a, r, s')} instead of
 * splitting it across two rows. Zero at a trial's first step.
 */
final class PreviousStateInputs {

    private PreviousStateInputs() {
    }

    /** {@code batch} with every row widened by the previous row's first {@code obsDim} entries. */
    static TrialBatch augment(TrialBatch batch, int obsDim) {
        int t = batch.steps();
        int b = batch.trials();
        int w = batch.width();
        double[] in = new double[t * b * (w + obsDim)];
        for (int s = 0; s < t; s++) {
            for (int k = 0; k < b; k++) {
                int row = s * b + k;
                System.arraycopy(batch.inputs(), row * w, in, row * (w + obsDim), w);
                if (s > 0 && batch.mask()[row]) {
                    System.arraycopy(batch.inputs(), (row - b) * w, in, row * (w + obsDim) + w, obsDim);
                }
            }
        }
        return TrialBatch.of(t, b, w + obsDim, in, batch.actions(), batch.rewards(), batch.mask(),
                batch.episodeEnds());
    }

    /** {@code inner} (a policy of widened rows) acting on the sampler's rows, widening them as {@link #augment} does. */
    static TrialPolicy policy(TrialPolicy inner, int obsDim) {
        return (trials, layout) -> {
            int w = layout.width();
            TrialPolicy.Actor actor = inner.start(trials, new TrialInputs(layout.obsDim() + obsDim, layout.actions()));
            double[] previous = new double[trials * obsDim];
            double[] wide = new double[trials * (w + obsDim)];
            return (double[] inputs, boolean[] active, RowStreams rng, int[] actions) -> {
                for (int k = 0; k < trials; k++) {
                    System.arraycopy(inputs, k * w, wide, k * (w + obsDim), w);
                    System.arraycopy(previous, k * obsDim, wide, k * (w + obsDim) + w, obsDim);
                    System.arraycopy(inputs, k * w, previous, k * obsDim, obsDim);
                }
                actor.act(wide, active, rng, actions);
            };
        };
    }
}
