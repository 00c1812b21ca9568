package io.github.metarl4j.spark;

import io.github.metarl4j.data.TrialBatch;
import java.io.Serial;
import java.io.Serializable;
import java.util.List;

/**
 * The trials of one part of a call, as plain arrays an executor sends back ({@code [T_p, B_p]}
 * row-major), and their merge into the call's trials in order, padded to the longest part with what
 * the in-process sampler pads with (zeros, no mask): its trials, bit for bit.
 *
 * @param steps   T_p
 * @param trials  B_p
 * @param width   the input width
 * @param inputs  {@code [T_p * B_p * width]}
 * @param actions {@code [T_p * B_p]}
 * @param rewards {@code [T_p * B_p]}
 * @param mask    {@code [T_p * B_p]}
 * @param ends    {@code [T_p * B_p]}
 */
record TrialPart(int steps, int trials, int width, double[] inputs, int[] actions, double[] rewards, boolean[] mask,
                 boolean[] ends) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    static TrialPart of(TrialBatch b) {
        return new TrialPart(b.steps(), b.trials(), b.width(), b.inputs(), b.actions(), b.rewards(), b.mask(),
                b.episodeEnds());
    }

    /** The parts, in order, as the call's trials. */
    static TrialBatch merge(List<TrialPart> parts) {
        int steps = 0;
        int b = 0;
        for (TrialPart p : parts) {
            steps = Math.max(steps, p.steps());
            b += p.trials();
        }
        int w = parts.get(0).width();
        double[] inputs = new double[steps * b * w];
        int[] actions = new int[steps * b];
        double[] rewards = new double[steps * b];
        boolean[] mask = new boolean[steps * b];
        boolean[] ends = new boolean[steps * b];
        int col = 0;
        for (TrialPart p : parts) {
            int n = p.trials();
            for (int t = 0; t < p.steps(); t++) {
                System.arraycopy(p.inputs(), t * n * w, inputs, (t * b + col) * w, n * w);
                System.arraycopy(p.actions(), t * n, actions, t * b + col, n);
                System.arraycopy(p.rewards(), t * n, rewards, t * b + col, n);
                System.arraycopy(p.mask(), t * n, mask, t * b + col, n);
                System.arraycopy(p.ends(), t * n, ends, t * b + col, n);
            }
            col += n;
        }
        return TrialBatch.of(steps, b, w, inputs, actions, rewards, mask, ends);
    }
}
