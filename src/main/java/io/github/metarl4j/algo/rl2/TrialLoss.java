package io.github.metarl4j.algo.rl2;

import io.github.metarl4j.optim.PpoClip;
import io.github.metarl4j.policy.Categorical;

/**
 * RL^2's per-batch loss on N = T x B steps (padded ones masked out), as a function of the
 * network's outputs, with its exact gradient:
 * <pre>
 * L = -(1/N) sum min(rho A, clip(rho, 1 - eps, 1 + eps) A)      rho = pi(a | .) / pi_old(a | .)
 *     + c_v (1/N) sum (V - R)^2  -  c_e (1/N) sum H(pi)
 * </pre>
 *
 * @param value      L
 * @param dLogits    {@code [N, A]}: dL / d logits
 * @param dValues    {@code [N]}: dL / d V
 * @param meanKl     mean KL(pi_old || pi) over the real steps
 * @param meanEntropy mean entropy of pi over the real steps
 * @param clipFraction the fraction of real steps whose ratio is outside {@code [1 - eps, 1 + eps]}
 */
public record TrialLoss(double value, double[] dLogits, double[] dValues, double meanKl, double meanEntropy,
                        double clipFraction) {

    /**
     * The loss and its gradient.
     *
     * @param logits     {@code [N, A]} current logits
     * @param values     {@code [N]} current values
     * @param actions    {@code [N]} actions taken
     * @param oldLogProb {@code [N]} their log-probabilities under the sampling policy
     * @param oldLogits  {@code [N, A]} the sampling policy's logits (for the KL)
     * @param advantages {@code [N]}
     * @param returns    {@code [N]}
     * @param mask       {@code [N]}
     */
    public static TrialLoss of(double[] logits, double[] values, int[] actions, double[] oldLogProb, double[] oldLogits,
                               double[] advantages, double[] returns, boolean[] mask, double clip, double valueCoef,
                               double entropyCoef) {
        int n = values.length;
        int a = logits.length / n;
        int real = 0;
        for (boolean m : mask) {
            real += m ? 1 : 0;
        }
        if (real == 0) {
            throw new IllegalArgumentException("the batch has no real step");
        }
        double[] dLogits = new double[logits.length];
        double[] dValues = new double[n];
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
            Categorical.logSoftmax(oldLogits, i * a, a, oldLogP);
            double h = 0;
            for (int j = 0; j < a; j++) {
                p[j] = Math.exp(logP[j]);
                h -= p[j] * logP[j];
                kl += Math.exp(oldLogP[j]) * (oldLogP[j] - logP[j]);
            }
            entropy += h;
            double rho = Math.exp(logP[actions[i]] - oldLogProb[i]);
            clipped += Math.abs(rho - 1) > clip ? 1 : 0;
            double w = -advantages[i];
            loss += PpoClip.term(rho, w, clip) + valueCoef * (values[i] - returns[i]) * (values[i] - returns[i])
                    - entropyCoef * h;
            double dLogPiA = PpoClip.unclipped(rho, w, clip) ? rho * w / real : 0;
            for (int j = 0; j < a; j++) {
                double onehot = j == actions[i] ? 1 : 0;
                // d(-c_e H)/d logit_j = c_e p_j (log p_j + H)
                dLogits[i * a + j] = dLogPiA * (onehot - p[j]) + entropyCoef * p[j] * (logP[j] + h) / real;
            }
            dValues[i] = 2 * valueCoef * (values[i] - returns[i]) / real;
        }
        return new TrialLoss(loss / real, dLogits, dValues, kl / real, entropy / real, clipped / (double) real);
    }
}
