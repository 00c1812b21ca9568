package io.github.metarl4j.sampler;

import java.util.OptionalInt;

/**
 * The layout of one input row of a trial step: {@code [observation (obsDim) | one-hot previous
 * action (actions) | previous reward | previous episode-end flag]}, with width
 * {@code obsDim + actions + 2}. At the first step of a trial the previous action part, reward and
 * flag are zero.
 *
 * @param obsDim  the flat observation width
 * @param actions the number of discrete actions
 */
public record TrialInputs(int obsDim, int actions) {

    /**
     * Checks the arguments and holds them:
     *
     * @param obsDim  the flat observation width
     * @param actions the number of discrete actions
     */
    public TrialInputs {
        if (obsDim < 1 || actions < 1) {
            throw new IllegalArgumentException("obsDim and actions must be >= 1, got " + obsDim + " and " + actions);
        }
    }

    /** The row width. */
    public int width() {
        return obsDim + actions + 2;
    }

    /** Offset of the one-hot previous action. */
    public int actionOffset() {
        return obsDim;
    }

    /** Offset of the previous reward. */
    public int rewardOffset() {
        return obsDim + actions;
    }

    /** Offset of the previous episode-end flag. */
    public int flagOffset() {
        return obsDim + actions + 1;
    }

    /** The previous action in row {@code row} of {@code inputs}; empty at a trial's first step. */
    public OptionalInt previousAction(double[] inputs, int row) {
        int base = row * width() + actionOffset();
        for (int a = 0; a < actions; a++) {
            if (inputs[base + a] != 0) {
                return OptionalInt.of(a);
            }
        }
        return OptionalInt.empty();
    }

    /** The previous reward in row {@code row}. */
    public double previousReward(double[] inputs, int row) {
        return inputs[row * width() + rewardOffset()];
    }

    /** Whether the previous step ended an episode, in row {@code row}. */
    public boolean previousEnded(double[] inputs, int row) {
        return inputs[row * width() + flagOffset()] != 0;
    }

    /** The index of the largest observation entry of row {@code row} (the state of a one-hot observation). */
    public int observedIndex(double[] inputs, int row) {
        int base = row * width();
        int best = 0;
        for (int i = 1; i < obsDim; i++) {
            if (inputs[base + i] > inputs[base + best]) {
                best = i;
            }
        }
        return best;
    }
}
