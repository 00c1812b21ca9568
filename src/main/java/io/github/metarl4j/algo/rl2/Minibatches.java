package io.github.metarl4j.algo.rl2;

import io.github.metarl4j.data.TrialBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/** Splits a batch of trials into minibatches of whole trials and gathers their columns. */
final class Minibatches {

    /** One minibatch's arrays, {@code [T, m, ...]} row-major. */
    record Part(double[] inputs, int[] actions, double[] oldLogProb, double[] oldLogits, double[] advantages,
                double[] returns, boolean[] mask) {
    }

    private final TrialBatch batch;
    private final double[] oldLogits;
    private final double[] oldLogProb;
    private final double[] advantages;
    private final double[] returns;
    private final int actions;

    Minibatches(TrialBatch batch, double[] oldLogits, double[] oldLogProb, double[] advantages, double[] returns,
                int actions) {
        this.batch = batch;
        this.oldLogits = oldLogits;
        this.oldLogProb = oldLogProb;
        this.advantages = advantages;
        this.returns = returns;
        this.actions = actions;
    }

    /** A random partition of the trials into {@code count} near-equal groups (a shuffle from {@code rng}). */
    List<int[]> split(int count, RandomGenerator rng) {
        int b = batch.trials();
        int[] order = new int[b];
        for (int i = 0; i < b; i++) {
            order[i] = i;
        }
        for (int i = b - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        int parts = Math.min(count, b);
        List<int[]> out = new ArrayList<>(parts);
        for (int p = 0; p < parts; p++) {
            int from = p * b / parts;
            int to = (p + 1) * b / parts;
            out.add(java.util.Arrays.copyOfRange(order, from, to));
        }
        return out;
    }

    /** The columns of {@code trials}. */
    Part part(int[] trials) {
        int t = batch.steps();
        int b = batch.trials();
        int m = trials.length;
        int w = batch.width();
        double[] in = new double[t * m * w];
        int[] act = new int[t * m];
        double[] lp = new double[t * m];
        double[] lg = new double[t * m * actions];
        double[] adv = new double[t * m];
        double[] ret = new double[t * m];
        boolean[] mask = new boolean[t * m];
        for (int s = 0; s < t; s++) {
            for (int k = 0; k < m; k++) {
                int src = s * b + trials[k];
                int dst = s * m + k;
                System.arraycopy(batch.inputs(), src * w, in, dst * w, w);
                System.arraycopy(oldLogits, src * actions, lg, dst * actions, actions);
                act[dst] = batch.actions()[src];
                lp[dst] = oldLogProb[src];
                adv[dst] = advantages[src];
                ret[dst] = returns[src];
                mask[dst] = batch.mask()[src];
            }
        }
        return new Part(in, act, lp, lg, adv, ret, mask);
    }
}
