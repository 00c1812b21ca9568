package io.github.metarl4j.offline.tabular;

/**
 * Pessimistic value iteration on a dataset's empirical MDP, in the spirit of Bellman-consistent
 * pessimism (Xie, Cheng, Jiang, Mineiro and Agarwal 2021) and of PEVI (Jin, Yang and Wang 2021): a
 * count-based lower confidence bound replaces each pair's reward,
 *
 * <pre>
 *   Q(s, a) = r(s, a) - beta / sqrt(N(s, a)) + gamma sum_s' P(s' | s, a) V(s')   if N(s, a) > 0
 *   Q(s, a) = floor                                                                if N(s, a) = 0
 *   V(s)    = max_a Q(s, a)
 * </pre>
 *
 * with terminal transitions contributing no future value and {@code floor = min(0, r_min) / (1 - gamma)}
 * (no policy can do worse than the smallest reward forever). {@code beta = 0} is the certainty-equivalent
 * model-based solution (its unregularised ablation). Iterated to a fixed point (sup-norm change below
 * {@code 1e-12}; a contraction for {@code gamma < 1}); the policy is greedy in Q, ties to the lowest action.
 */
public final class PessimisticValueIteration {

    private PessimisticValueIteration() {
    }

    /**
     * The solution: {@code q [S * A]}, {@code v [S]}, the greedy {@code policy [S]} and the iterations used.
     *
     * @param q          {@code [S * A]}
     * @param v          {@code [S]}
     * @param policy     {@code [S]}, an action per state
     * @param iterations sweeps until the fixed point
     */
    public record Solution(double[] q, double[] v, int[] policy, int iterations) {
    }

    /**
     * Solves {@code model} with penalty {@code beta} and discount {@code gamma}.
     *
     * @throws IllegalArgumentException if {@code beta < 0} or {@code gamma} is not in [0, 1)
     */
    public static Solution solve(EmpiricalMdp model, double beta, double gamma) {
        if (!(beta >= 0) || Double.isInfinite(beta)) {
            throw new IllegalArgumentException("beta must be finite and >= 0, got " + beta);
        }
        if (!(gamma >= 0 && gamma < 1)) {
            throw new IllegalArgumentException("gamma must be in [0, 1), got " + gamma);
        }
        int s = model.states();
        int a = model.actions();
        double floor = Math.min(0, model.minReward()) / (1 - gamma);
        double[] q = new double[s * a];
        double[] v = new double[s];
        int iterations = 0;
        double change = Double.POSITIVE_INFINITY;
        while (change > 1e-12) {
            iterations++;
            change = 0;
            double[] newV = new double[s];
            for (int st = 0; st < s; st++) {
                double best = Double.NEGATIVE_INFINITY;
                for (int ac = 0; ac < a; ac++) {
                    int k = st * a + ac;
                    double value = floor;
                    if (model.counts()[k] > 0) {
                        double future = 0;
                        for (int s2 = 0; s2 < s; s2++) {
                            future += model.next()[k * s + s2] * v[s2];
                        }
                        value = model.rewards()[k] - beta / Math.sqrt(model.counts()[k]) + gamma * future;
                    }
                    q[k] = value;
                    best = Math.max(best, value);
                }
                newV[st] = best;
                change = Math.max(change, Math.abs(best - v[st]));
            }
            v = newV;
            if (iterations > 1_000_000) {
                throw new IllegalStateException("value iteration did not converge in 1,000,000 sweeps");
            }
        }
        int[] policy = new int[s];
        for (int st = 0; st < s; st++) {
            for (int ac = 1; ac < a; ac++) {
                if (q[st * a + ac] > q[st * a + policy[st]]) {
                    policy[st] = ac;
                }
            }
        }
        return new Solution(q, v, policy, iterations);
    }
}
