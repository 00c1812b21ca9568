package io.github.metarl4j.examples;

import io.github.metarl4j.data.TrialBatch;
import io.github.metarl4j.sampler.RowStreams;
import io.github.metarl4j.sampler.TrialInputs;
import io.github.metarl4j.sampler.TrialPolicy;

/**
 * A diagnostic input layout for RL^2 on tabular MDPs (used by {@link Rl2Cloning}): each trial row
 * gains, for every action a of the current state s, the number of times a was taken in s so far
 * in the trial and the mean reward it got (0 before the first time), {@code 2 A} entries computed
 * from the rows before. A network given these need not remember the reward statistics itself;
 * the transitions it must still keep.
 */
final class CountInputs {

    private CountInputs() {
    }

    /** Running per-(state, action) counts and reward sums of one trial. */
    private static final class Stats {
        final double[] count;
        final double[] sum;
        final int actions;
        int lastState = -1;

        Stats(int states, int actions) {
            this.count = new double[states * actions];
            this.sum = new double[states * actions];
            this.actions = actions;
        }

        /** Counts the previous step (from {@code row}'s previous action and reward) and writes the features. */
        void step(TrialInputs layout, double[] rows, int row, double[] out, int offset) {
            int s = layout.observedIndex(rows, row);
            java.util.OptionalInt a = layout.previousAction(rows, row);
            if (a.isPresent() && lastState >= 0) {
                count[lastState * actions + a.getAsInt()] += 1;
                sum[lastState * actions + a.getAsInt()] += layout.previousReward(rows, row);
            }
            for (int j = 0; j < actions; j++) {
                double n = count[s * actions + j];
                out[offset + j] = n;
                out[offset + actions + j] = n > 0 ? sum[s * actions + j] / n : 0;
            }
            lastState = s;
        }
    }

    /** {@code batch} with every row widened by its {@code 2 A} count features. */
    static TrialBatch augment(TrialBatch batch, int states, int actions) {
        int t = batch.steps();
        int b = batch.trials();
        int w = batch.width();
        int wide = w + 2 * actions;
        TrialInputs layout = new TrialInputs(states, actions);
        double[] in = new double[t * b * wide];
        for (int k = 0; k < b; k++) {
            Stats stats = new Stats(states, actions);
            for (int s = 0; s < t && batch.mask()[s * b + k]; s++) {
                int row = s * b + k;
                System.arraycopy(batch.inputs(), row * w, in, row * wide, w);
                stats.step(layout, batch.inputs(), row, in, row * wide + w);
            }
        }
        return TrialBatch.of(t, b, wide, in, batch.actions(), batch.rewards(), batch.mask(), batch.episodeEnds());
    }

    /** {@code inner} (a policy of widened rows) acting on the sampler's rows, widening them as {@link #augment} does. */
    static TrialPolicy policy(TrialPolicy inner, int states, int actions) {
        return (trials, layout) -> {
            int w = layout.width();
            int wide = w + 2 * actions;
            TrialPolicy.Actor actor = inner.start(trials, new TrialInputs(layout.obsDim() + 2 * actions,
                    layout.actions()));
            Stats[] stats = new Stats[trials];
            for (int k = 0; k < trials; k++) {
                stats[k] = new Stats(states, actions);
            }
            double[] rows = new double[trials * wide];
            return (double[] inputs, boolean[] active, RowStreams rng, int[] chosen) -> {
                for (int k = 0; k < trials; k++) {
                    System.arraycopy(inputs, k * w, rows, k * wide, w);
                    if (active[k]) {
                        stats[k].step(layout, inputs, k, rows, k * wide + w);
                    }
                }
                actor.act(rows, active, rng, chosen);
            };
        };
    }
}
