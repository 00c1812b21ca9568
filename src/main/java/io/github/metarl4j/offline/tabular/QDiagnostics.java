package io.github.metarl4j.offline.tabular;

import io.github.metarl4j.offline.ope.RankCorrelation;
import java.util.Arrays;

/**
 * A learned Q table against the optimal one, after Fu et al. 2022 ("A Closer Look at Offline RL
 * Agents"), on the states a dataset visits: the mean absolute error on the state-action pairs the
 * data holds, how often the learned greedy action is optimal, the mean signed error on the
 * pairs it does not hold (positive: over-estimation of actions the data never tried), how well it
 * orders the actions of each visited state as Q* does, and the error
 * against {@code Q^pi}, the true values of the learned Q's own greedy policy (a Q that is wrong about
 * Q* may still be right about what its policy will get, or neither).
 *
 * @param errorSeen          mean {@code |Q - Q*|} over pairs with data
 * @param errorOwnPolicy     mean {@code |Q - Q^pi|} over pairs with data, pi the greedy policy of Q
 * @param optimalChoice      share of visited states whose learned greedy action is optimal under Q* (within 1e-9)
 * @param rankAgreement      mean over visited states of Spearman's rank correlation between {@code Q(s, .)} and
 *                           {@code Q*(s, .)} (1: the learned Q orders every action as Q* does), over the states
 *                           where neither row is constant; NaN if there are none
 * @param overestimateUnseen mean {@code Q - Q*} over the visited states' pairs without data; NaN if there are none
 * @param seenPairs          pairs with data
 * @param unseenPairs        pairs of visited states without data
 */
public record QDiagnostics(double errorSeen, double errorOwnPolicy, double optimalChoice, double rankAgreement,
                           double overestimateUnseen, int seenPairs, int unseenPairs) {

    /**
     * Compares {@code q} with {@code qStar} and {@code qPi} (each {@code [S * A]}) on the states
     * {@code data} visits.
     *
     * @param q     the learned values
     * @param qStar the true optimal values
     * @param qPi   the true values of the greedy policy of {@code q} ({@link TabularFqe} on the true model)
     * @param data  the dataset's model, for which pairs it holds
     * @throws IllegalArgumentException if the tables' lengths differ from the model's S x A
     */
    public static QDiagnostics of(double[] q, double[] qStar, double[] qPi, EmpiricalMdp data) {
        int s = data.states();
        int a = data.actions();
        if (q.length != s * a || qStar.length != s * a || qPi.length != s * a) {
            throw new IllegalArgumentException("Q tables must hold " + s + " x " + a + " values, got " + q.length
                    + ", " + qStar.length + " and " + qPi.length);
        }
        double err = 0;
        double errPi = 0;
        double over = 0;
        int seen = 0;
        int unseen = 0;
        int visited = 0;
        int optimal = 0;
        double rank = 0;
        int ranked = 0;
        for (int st = 0; st < s; st++) {
            boolean any = false;
            for (int ac = 0; ac < a; ac++) {
                any |= data.count(st, ac) > 0;
            }
            if (!any) {
                continue;
            }
            visited++;
            int greedy = 0;
            double best = Double.NEGATIVE_INFINITY;
            for (int ac = 0; ac < a; ac++) {
                int k = st * a + ac;
                greedy = q[k] > q[st * a + greedy] ? ac : greedy;
                best = Math.max(best, qStar[k]);
                if (data.count(st, ac) > 0) {
                    err += Math.abs(q[k] - qStar[k]);
                    errPi += Math.abs(q[k] - qPi[k]);
                    seen++;
                } else {
                    over += q[k] - qStar[k];
                    unseen++;
                }
            }
            optimal += qStar[st * a + greedy] >= best - 1e-9 ? 1 : 0;
            double rho = RankCorrelation.spearman(Arrays.copyOfRange(q, st * a, st * a + a),
                    Arrays.copyOfRange(qStar, st * a, st * a + a));
            if (!Double.isNaN(rho)) {
                rank += rho;
                ranked++;
            }
        }
        return new QDiagnostics(err / seen, errPi / seen, optimal / (double) visited,
                ranked == 0 ? Double.NaN : rank / ranked, unseen == 0 ? Double.NaN : over / unseen, seen,
                unseen);
    }
}
