package io.github.metarl4j.offline.tabular;

/**
 * Fitted Q evaluation (Le, Voloshin and Yue 2019) with a tabular function class: the fixed point
 * of {@code Q(s, a) = r(s, a) + gamma sum_s' P(s' | s, a) sum_a' pi(a' | s') Q(s', a')} on a
 * model (a dataset's empirical MDP, or a family's true one), which is what FQE's regressions
 * converge to when every state-action pair has its own parameter. A pair the model does not hold
 * (count 0) is valued as if it paid {@code unseenReward} on every remaining step: 0 leaves it at 0,
 * the data's smallest reward ({@link EmpiricalMdp#minReward()}) makes the evaluation pessimistic
 * about actions the data never tried.
 *
 * <p>Two horizons: {@link #evaluate} is the infinite-horizon fixed point ({@code gamma < 1}, iterated
 * until the sup-norm change is below {@code 1e-12}); {@link #evaluate(EmpiricalMdp, double[], double,
 * double, int)} is the value with H steps left, {@code Q_h = r + gamma P V_{h-1}}, {@code Q_0 = 0}, the
 * expected discounted return of an episode cut at H steps, which is what a family's time limit makes
 * of a policy's return.
 */
public final class TabularFqe {

    private TabularFqe() {
    }

    /**
     * The infinite-horizon {@code Q [S * A]} of the target policy {@code pi [S * A]} (row s:
     * {@code pi(. | s)}) on {@code model}.
     *
     * @throws IllegalArgumentException if {@code gamma} is not in [0, 1) or {@code pi} has the wrong length
     */
    public static double[] evaluate(EmpiricalMdp model, double[] pi, double gamma, double unseenReward) {
        check(model, pi, unseenReward);
        if (!(gamma >= 0 && gamma < 1)) {
            throw new IllegalArgumentException("gamma must be in [0, 1), got " + gamma);
        }
        int sa = model.states() * model.actions();
        double[] q = new double[sa];
        double floor = unseenReward / (1 - gamma);
        for (int k = 0; k < sa; k++) {
            q[k] = model.counts()[k] == 0 ? floor : 0;
        }
        double change = Double.POSITIVE_INFINITY;
        for (int sweep = 0; change > 1e-12; sweep++) {
            if (sweep > 1_000_000) {
                throw new IllegalStateException("fitted Q evaluation did not converge in 1,000,000 sweeps");
            }
            double[] updated = backup(model, pi, gamma, q);
            change = 0;
            for (int k = 0; k < sa; k++) {
                if (model.counts()[k] > 0) {
                    change = Math.max(change, Math.abs(updated[k] - q[k]));
                    q[k] = updated[k];
                }
            }
        }
        return q;
    }

    /**
     * {@code Q_H [S * A]} of {@code pi} on {@code model}: the expected discounted return of the H steps
     * that remain after taking each action in each state.
     *
     * @throws IllegalArgumentException if {@code gamma} is not in [0, 1], {@code pi} has the wrong length or
     *                                  {@code horizon < 1}
     */
    public static double[] evaluate(EmpiricalMdp model, double[] pi, double gamma, double unseenReward,
                                    int horizon) {
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be >= 1, got " + horizon);
        }
        check(model, pi, unseenReward);
        if (!(gamma >= 0 && gamma <= 1)) {
            throw new IllegalArgumentException("gamma must be in [0, 1], got " + gamma);
        }
        int sa = model.states() * model.actions();
        double[] q = new double[sa];
        double stepsLeftValue = 0; // sum_{t < h} gamma^t
        for (int h = 1; h <= horizon; h++) {
            stepsLeftValue = 1 + gamma * stepsLeftValue;
            double[] updated = backup(model, pi, gamma, q);
            for (int k = 0; k < sa; k++) {
                q[k] = model.counts()[k] == 0 ? unseenReward * stepsLeftValue : updated[k];
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

    /** {@code r + gamma P V} with {@code V} from {@code q} and {@code pi}, {@code [S * A]}. */
    private static double[] backup(EmpiricalMdp model, double[] pi, double gamma, double[] q) {
        int s = model.states();
        int a = model.actions();
        double[] v = values(q, pi, s, a);
        double[] out = new double[s * a];
        for (int k = 0; k < s * a; k++) {
            if (model.counts()[k] == 0) {
                continue;
            }
            double future = 0;
            for (int s2 = 0; s2 < s; s2++) {
                future += model.next()[k * s + s2] * v[s2];
            }
            out[k] = model.rewards()[k] + gamma * future;
        }
        return out;
    }

    private static void check(EmpiricalMdp model, double[] pi, double unseenReward) {
        int s = model.states();
        int a = model.actions();
        if (pi.length != s * a) {
            throw new IllegalArgumentException("pi must hold " + s + " x " + a + " probabilities, got " + pi.length);
        }
        if (!Double.isFinite(unseenReward)) {
            throw new IllegalArgumentException("unseenReward must be finite, got " + unseenReward);
        }
    }
}
