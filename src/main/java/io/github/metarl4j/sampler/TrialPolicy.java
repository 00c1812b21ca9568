package io.github.metarl4j.sampler;

/**
 * A policy with memory across the episodes of a trial (Duan et al. 2016, "RL^2"): RL^2's
 * recurrent network, or a reference agent such as UCB1 whose memory is its counts. Both see the
 * same input each step, built by {@link Sampler#sampleTrials}: the observation, the one-hot previous
 * action, the previous reward and the previous step's episode-end flag.
 */
@FunctionalInterface
public interface TrialPolicy {

    /**
     * Trials act in blocks of this many rows (the last block shorter): a policy's actions for a block
     * depend only on that block's rows and streams, and a back end that splits a call's trials cuts
     * them at multiples of it, so each block acts the same in a part as in the whole call.
     */
    int BLOCK = 64;

    /**
     * Fresh memory for {@code trials} trials played in lockstep (RL^2 resets its hidden state
     * here, and only here: not at episode boundaries).
     *
     * @param trials B
     * @param layout the width and parts of each input row
     */
    Actor start(int trials, TrialInputs layout);

    /** The acting side of a started policy. */
    @FunctionalInterface
    interface Actor {

        /**
         * One step of every trial.
         *
         * @param inputs  {@code [B, layout.width()]} row-major
         * @param active  {@code [B]}: false for trials already finished (their rows are zeros; any action is ignored)
         * @param rng     one stream per trial (blocks of one row): trial b draws only from {@code rng.row(b)}
         * @param actions {@code [B]} out: the action of each trial
         */
        void act(double[] inputs, boolean[] active, RowStreams rng, int[] actions);
    }
}
