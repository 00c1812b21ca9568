package io.github.metarl4j.algo.rl2;

import io.github.metarl4j.advantage.Advantages;
import io.github.metarl4j.data.TrialBatch;

/**
 * GAE (Schulman et al. 2016) over whole trials, through the library's one GAE
 * ({@link Advantages#gae(double[], double[], int, int, int[], double, double)}): a trial is one long
 * episode for RL^2, so the discounting and the bootstrapping run across its episode boundaries, and
 * its value after the last step is 0. {@code delta_t = r_t + gamma V_{t+1} - V_t}, {@code A_t = delta_t + gamma lambda A_{t+1}},
 * returns {@code R_t = A_t + V_t}; padded steps get 0.
 *
 * @param advantages {@code [T, B]}
 * @param returns    {@code [T, B]}: the value head's regression targets
 */
public record TrialAdvantages(double[] advantages, double[] returns) {

    /** Advantages and returns of {@code batch} with value estimates {@code values [T, B]}. */
    public static TrialAdvantages of(TrialBatch batch, double[] values, double gamma, double lambda) {
        int t = batch.steps();
        int b = batch.trials();
        int[] lengths = batch.lengths();
        double[] adv = Advantages.gae(batch.rewards(), values, t, b, lengths, gamma, lambda);
        boolean[] mask = batch.mask();
        double[] ret = new double[t * b];
        for (int i = 0; i < ret.length; i++) {
            ret[i] = mask[i] ? adv[i] + values[i] : 0;
        }
        return new TrialAdvantages(adv, ret);
    }
}
