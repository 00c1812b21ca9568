package io.github.metarl4j.data;

/**
 * B trials of n episodes each, played in lockstep and padded to the longest: per step t and
 * trial b, the policy's input, its action, the reward and whether the step ended an episode.
 * Arrays are row-major {@code [T, B]} (inputs {@code [T, B, width]}); {@code mask} is false on
 * the padding after a trial's last step.
 *
 * @param steps       T
 * @param trials      B
 * @param width       the input row width
 * @param inputs      {@code [T, B, width]}
 * @param actions     {@code [T, B]}
 * @param rewards     {@code [T, B]}
 * @param mask        {@code [T, B]}
 * @param episodeEnds {@code [T, B]}: the step ended an episode (terminated or truncated)
 */
public record TrialBatch(int steps, int trials, int width, double[] inputs, int[] actions, double[] rewards,
                         boolean[] mask, boolean[] episodeEnds) {

    /**
     * Checks the arguments and holds them:
     *
     * @param steps       T
     * @param trials      B
     * @param width       the input row width
     * @param inputs      {@code [T, B, width]}
     * @param actions     {@code [T, B]}
     * @param rewards     {@code [T, B]}
     * @param mask        {@code [T, B]}
     * @param episodeEnds {@code [T, B]}: the step ended an episode (terminated or truncated)
     */
    public TrialBatch {
        int n = steps * trials;
        if (inputs.length != n * width || actions.length != n || rewards.length != n || mask.length != n
                || episodeEnds.length != n) {
            throw new IllegalArgumentException("trial arrays must be [T, B] = [" + steps + ", " + trials + "]");
        }
    }

    /**
     * {@code [B][n]}: the return of each episode of each trial, in order; a trial that ended fewer
     * than {@code episodes} episodes has zeros after its last one.
     */
    public double[][] episodeReturns(int episodes) {
        double[][] out = new double[trials][episodes];
        for (int b = 0; b < trials; b++) {
            int episode = 0;
            for (int t = 0; t < steps && episode < episodes; t++) {
                int i = t * trials + b;
                if (mask[i]) {
                    out[b][episode] += rewards[i];
                    episode += episodeEnds[i] ? 1 : 0;
                }
            }
        }
        return out;
    }

    /** {@code [B]}: each trial's total reward, the RL^2 paper's score. */
    public double[] trialReturns() {
        double[] out = new double[trials];
        for (int t = 0; t < steps; t++) {
            for (int b = 0; b < trials; b++) {
                int i = t * trials + b;
                if (mask[i]) {
                    out[b] += rewards[i];
                }
            }
        }
        return out;
    }

    /** The number of real (unpadded) steps. */
    public long totalSteps() {
        long n = 0;
        for (boolean m : mask) {
            n += m ? 1 : 0;
        }
        return n;
    }
}
