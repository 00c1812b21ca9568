package io.github.metarl4j.algo.rl2;

import io.github.metarl4j.optim.PpoClip;
import io.github.metarl4j.policy.Categorical;

/**
 * RL^2's loss on a set of trials, as a function of the network's outputs on N = T x m of their steps
 * (padded ones masked out), with its exact gradient; averages are over the {@code real} steps of
 * the whole set, so that the losses of disjoint blocks of trials add up to the set's:
 * <pre>
 * L  = -(1/N) sum min(rho A, clip(rho, 1 - eps, 1 + eps) A)      rho = pi(a | .) / pi_old(a | .)
 *      + c_v (1/N) sum (V - R)^2  -  c_e (1/N) sum H(pi)  +  c_r (1/N) sum (q_a - r)^2
 * KL = (1/N) sum KL(pi_old || pi)
 * </pre>
 * PPO clips with {@code eps} in (0, 1); TRPO's surrogate is unclipped ({@code eps} infinite). The
 * last term is the auxiliary reward prediction: the auxiliary head {@code q [N, A]} reads, at each
 * step, the reward each action would pay from the state the step is in, and is regressed on the
 * reward {@code r} that the taken action {@code a} paid (an auxiliary task on a recurrent agent's
 * state as in Jaderberg et al. 2017, "Reinforcement Learning with Unsupervised Auxiliary Tasks"):
 * its best prediction is the trial's posterior mean reward of the (state, action) pair, which the
 * memory must then hold.
 *
 * @param value        L
 * @param dLogits      {@code [N, A]}: dL / d logits
 * @param dValues      {@code [N]}: dL / d V
 * @param dAuxiliary   {@code [N, A]}: dL / d q; null without an auxiliary head
 * @param meanKl       KL
 * @param meanEntropy  {@code (1/N) sum H(pi)}
 * @param clipFraction the real steps whose ratio is outside {@code [1 - eps, 1 + eps]}, over N
 * @param rewardError  {@code (1/N) sum (q_a - r)^2}; 0 without an auxiliary head
 */
public record TrialLoss(double value, double[] dLogits, double[] dValues, double[] dAuxiliary, double meanKl,
                        double meanEntropy, double clipFraction, double rewardError) {

    /**
     * The loss's settings.
     *
     * @param clip        PPO's epsilon, in (0, 1); positive infinity for TRPO's unclipped surrogate
     * @param valueCoef   c_v, >= 0
     * @param entropyCoef c_e, >= 0
     * @param rewardCoef  c_r, >= 0 (it needs an auxiliary head when > 0)
     */
    public record Weights(double clip, double valueCoef, double entropyCoef, double rewardCoef) {
    }

    /**
     * The scalar parts, which add over disjoint blocks of one set.
     *
     * @param value        L
     * @param meanKl       KL
     * @param meanEntropy  mean entropy
     * @param clipFraction clip fraction
     * @param rewardError  the auxiliary head's mean squared error
     */
    public record Scalars(double value, double meanKl, double meanEntropy, double clipFraction, double rewardError) {

        /** Zero: the sum of no blocks. */
        public static final Scalars ZERO = new Scalars(0, 0, 0, 0, 0);

        /** The sum of two blocks' parts. */
        public Scalars plus(Scalars o) {
            return new Scalars(value + o.value, meanKl + o.meanKl, meanEntropy + o.meanEntropy,
                    clipFraction + o.clipFraction, rewardError + o.rewardError);
        }
    }

    /** The scalar parts. */
    public Scalars scalars() {
        return new Scalars(value, meanKl, meanEntropy, clipFraction, rewardError);
    }

    /**
     * The loss and its gradient.
     *
     * @param logits  {@code [N, A]} current logits
     * @param values    {@code [N]} current values
     * @param auxiliary {@code [N, A]} current reward predictions, or null for a network without the head
     * @param targets   the steps' actions, sampling policy, advantages, returns, rewards and mask
     * @param weights   clip and loss weights
     * @param real      the number of real steps of the whole set averaged over, at least this block's
     * @throws IllegalArgumentException if {@code real} is less than the block's real steps or is 0, or
     *                                  if {@code rewardCoef} is positive without an auxiliary head
     */
    public static TrialLoss of(double[] logits, double[] values, double[] auxiliary, TrialTargets targets,
                               Weights weights, int real) {
        boolean[] mask = targets.mask();
        int n = values.length;
        int a = logits.length / n;
        if (real < 1 || real < targets.realSteps()) {
            throw new IllegalArgumentException("the loss averages over " + real + " real steps; this block alone has "
                    + targets.realSteps() + " (and the count must be >= 1)");
        }
        if (auxiliary != null && auxiliary.length != logits.length) {
            throw new IllegalArgumentException("the auxiliary head must predict one reward per action: "
                    + logits.length + " entries, got " + auxiliary.length);
        }
        if (auxiliary == null && weights.rewardCoef() > 0) {
            throw new IllegalArgumentException("rewardCoef " + weights.rewardCoef()
                    + " weighs a reward prediction, but the network has no auxiliary head");
        }
        double clip = weights.clip();
        double[] dLogits = new double[logits.length];
        double[] dValues = new double[n];
        double[] dAuxiliary = auxiliary == null ? null : new double[auxiliary.length];
        double rewardError = 0;
        double loss = 0;
        double kl = 0;
        double entropy = 0;
        int clipped = 0;
        double[] p = new double[a];
        double[] logP = new double[a];
        double[] oldLogP = new double[a];
        for (int i = 0; i < n; i++) {
            if (!mask[i]) {
                continue;
            }
            Categorical.logSoftmax(logits, i * a, a, logP);
            Categorical.logSoftmax(targets.oldLogits(), i * a, a, oldLogP);
            double h = 0;
            for (int j = 0; j < a; j++) {
                p[j] = Math.exp(logP[j]);
                h -= p[j] * logP[j];
                kl += Math.exp(oldLogP[j]) * (oldLogP[j] - logP[j]);
            }
            entropy += h;
            int action = targets.actions()[i];
            double rho = Math.exp(logP[action] - targets.oldLogProb()[i]);
            clipped += Math.abs(rho - 1) > clip ? 1 : 0;
            double w = -targets.advantages()[i];
            double err = values[i] - targets.returns()[i];
            loss += PpoClip.term(rho, w, clip) + weights.valueCoef() * err * err - weights.entropyCoef() * h;
            double dLogPiA = PpoClip.unclipped(rho, w, clip) ? rho * w / real : 0;
            for (int j = 0; j < a; j++) {
                double onehot = j == action ? 1 : 0;
                // d(-c_e H)/d logit_j = c_e p_j (log p_j + H)
                dLogits[i * a + j] = dLogPiA * (onehot - p[j]) + weights.entropyCoef() * p[j] * (logP[j] + h) / real;
            }
            dValues[i] = 2 * weights.valueCoef() * err / real;
            if (auxiliary != null) {
                double e = auxiliary[i * a + action] - targets.rewards()[i];
                rewardError += e * e;
                loss += weights.rewardCoef() * e * e;
                dAuxiliary[i * a + action] = 2 * weights.rewardCoef() * e / real;
            }
        }
        return new TrialLoss(loss / real, dLogits, dValues, dAuxiliary, kl / real, entropy / real,
                clipped / (double) real, rewardError / real);
    }
}
