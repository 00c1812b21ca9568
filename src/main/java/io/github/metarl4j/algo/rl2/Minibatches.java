package io.github.metarl4j.algo.rl2;

import io.github.metarl4j.data.TrialBatch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A batch of trials with its per-step targets, from which the columns of any subset of trials are
 * gathered (minibatches of whole trials, and the blocks the passes run on).
 */
final class Minibatches {

    /** One subset's arrays, {@code [T, m, ...]} row-major: the network's inputs and the loss's targets. */
    record Part(double[] inputs, TrialTargets targets) {
    }

    private final TrialBatch batch;
    private final int actions;
    private final double[] oldLogits;
    private final double[] oldLogProb;
    private final double[] advantages;
    private final double[] returns;

    /** {@code batch} with zero targets: enough for forward passes. */
    Minibatches(TrialBatch batch, int actions) {
        this(batch, actions, new double[batch.steps() * batch.trials() * actions], zeros(batch), zeros(batch),
                zeros(batch));
    }

    private Minibatches(TrialBatch batch, int actions, double[] oldLogits, double[] oldLogProb, double[] advantages,
                        double[] returns) {
        this.batch = batch;
        this.actions = actions;
        this.oldLogits = oldLogits;
        this.oldLogProb = oldLogProb;
        this.advantages = advantages;
        this.returns = returns;
    }

    private static double[] zeros(TrialBatch batch) {
        return new double[batch.steps() * batch.trials()];
    }

    /** The same trials with the sampling policy, advantages and returns, each {@code [T, B, ...]}. */
    Minibatches withTargets(double[] oldLogits, double[] oldLogProb, double[] advantages, double[] returns) {
        return new Minibatches(batch, actions, oldLogits, oldLogProb, advantages, returns);
    }

    /** The same targets with zero advantages: a loss of them has no policy-gradient term. */
    Minibatches withoutAdvantages() {
        return new Minibatches(batch, actions, oldLogits, oldLogProb, zeros(batch), returns);
    }

    /** The trials. */
    TrialBatch batch() {
        return batch;
    }

    /** Every trial, in order. */
    int[] all() {
        int[] order = new int[batch.trials()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        return order;
    }

    /** A random partition of the trials into {@code count} near-equal groups (a shuffle from {@code rng}). */
    List<int[]> split(int count, RandomGenerator rng) {
        int b = batch.trials();
        int[] order = all();
        for (int i = b - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        int parts = Math.min(count, b);
        List<int[]> out = new ArrayList<>(parts);
        for (int p = 0; p < parts; p++) {
            out.add(Arrays.copyOfRange(order, p * b / parts, (p + 1) * b / parts));
        }
        return out;
    }

    /** The real steps of {@code trials}. */
    int realSteps(int[] trials) {
        int t = batch.steps();
        int b = batch.trials();
        int n = 0;
        for (int s = 0; s < t; s++) {
            for (int k : trials) {
                n += batch.mask()[s * b + k] ? 1 : 0;
            }
        }
        return n;
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
        double[] rew = new double[t * m];
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
                rew[dst] = batch.rewards()[src];
                mask[dst] = batch.mask()[src];
            }
        }
        return new Part(in, new TrialTargets(act, lp, lg, adv, ret, rew, mask));
    }
}
