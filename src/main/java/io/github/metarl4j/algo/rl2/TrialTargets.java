package io.github.metarl4j.algo.rl2;

/**
 * What RL^2's loss needs of a set of m trials of T steps besides the network's heads, each array
 * in the trials' time-major layout ({@code [T, m]} row-major, {@code [T, m, A]} for logits).
 *
 * @param actions    {@code [T, m]}: the actions taken
 * @param oldLogProb {@code [T, m]}: their log-probabilities under the sampling policy
 * @param oldLogits  {@code [T, m, A]}: the sampling policy's logits (for the KL)
 * @param advantages {@code [T, m]}: normalised advantages
 * @param returns    {@code [T, m]}: the value head's regression targets
 * @param rewards    {@code [T, m]}: the rewards the actions paid (the auxiliary head's targets)
 * @param mask       {@code [T, m]}: true on real steps, false on padding
 */
public record TrialTargets(int[] actions, double[] oldLogProb, double[] oldLogits, double[] advantages,
                           double[] returns, double[] rewards, boolean[] mask) {

    /** The number of real steps. */
    public int realSteps() {
        int n = 0;
        for (boolean m : mask) {
            n += m ? 1 : 0;
        }
        return n;
    }
}
