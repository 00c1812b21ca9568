package io.github.metarl4j.offline.tabular;

/**
 * Fitted Q evaluation (Le, Voloshin and Yue 2019) with a tabular function class: the fixed point
 * of {@code Q(s, a) = r(s, a) + gamma sum_s' P(s' | s, a) sum_a' pi(a' | s') Q(s', a')} on the
 * dataset's empirical MDP, which is what FQE's regressions converge to when every state-action pair
 * has its own parameter. Pairs absent from the data keep {@code Q = 0}. Iterated until the sup-norm
 * change is below {@code 1e-12} ({@code gamma < 1}).
 */
public final class TabularFqe {

    private TabularFqe() {
    }

    /**
     * {@code Q [S * A]} of the target policy {@code pi [S * A]} (row s: {@code pi(. | s)}) on {@code model}.
     *
     * @throws IllegalArgumentException if {@code gamma} is not in [0, 1) or {@code pi} has the wrong length
     */
    public static double[] evaluate(EmpiricalMdp model, double[] pi, double gamma) {
        int s = model.states();
        int a = model.actions();
        if (pi.length != s * a) {
            throw new IllegalArgumentException("pi must hold " + s + " x " + a + " probabilities, got " + pi.length);
        }
        if (!(gamma >= 0 && gamma < 1)) {
            throw new IllegalArgumentException("gamma must be in [0, 1), got " + gamma);
        }
        double[] q = new double[s * a];
        double change = Double.POSITIVE_INFINITY;
        for (int sweep = 0; change > 1e-12; sweep++) {
            if (sweep > 1_000_000) {
                throw new IllegalStateException("fitted Q evaluation did not converge in 1,000,000 sweeps");
            }
            double[] v = values(q, pi, s, a);
            change = 0;
            for (int k = 0; k < s * a; k++) {
                if (model.counts()[k] == 0) {
                    continue;
                }
                double future = 0;
                for (int s2 = 0; s2 < s; s2++) {
                    future += model.next()[k * s + s2] * v[s2];
                }
                double updated = model.rewards()[k] + gamma * future;
                change = Math.max(change, Math.abs(updated - q[k]));
                q[k] = updated;
            }
        }
        return q;
    }

    /** {@code V(s) = sum_a pi(a | s) Q(s, a)}, {@code [S]}. */
    public static double[] values(double[] q, double[] pi, int states, int actions) {
        double[] v = new double[states];
        for (int st = 0; st < states; st++) {
            for (int ac = 0; ac < actions; ac++) {
                v[st] += pi[st * actions + ac] * q[st * actions + ac];
            }
        }
        return v;
    }
}
