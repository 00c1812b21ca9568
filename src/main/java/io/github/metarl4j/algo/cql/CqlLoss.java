package io.github.metarl4j.algo.cql;

import io.github.metarl4j.policy.Categorical;

/**
 * The CQL(H) loss of a minibatch of M transitions and its derivative with respect to the Q values,
 * on plain row-major arrays:
 *
 * <pre>
 *   L = (1 / M) sum_m [ alpha (logsumexp_a Q(s_m, a) - Q(s_m, a_m)) + (1/2) (Q(s_m, a_m) - y_m)^2 ]
 *   dL / dQ(s_m, a) = (1 / M) [ alpha (softmax_a Q(s_m, .) - [a = a_m]) + (Q(s_m, a_m) - y_m) [a = a_m] ]
 * </pre>
 *
 * with targets {@code y_m = r_m + gamma (1 - terminal_m) max_a' Qtarget(s'_m, a')} held fixed.
 *
 * @param loss  L
 * @param td    the mean squared TD error {@code (1 / M) sum (Q(s_m, a_m) - y_m)^2}
 * @param gap   the mean regulariser {@code (1 / M) sum (logsumexp - Q(s_m, a_m))}, at least 0
 * @param dq    {@code [M, A]}, dL/dQ
 */
public record CqlLoss(double loss, double td, double gap, double[] dq) {

    /**
     * Evaluates the loss.
     *
     * @param q       {@code [M, A]} Q values at the current parameters
     * @param actions {@code [M]} the data's actions
     * @param targets {@code [M]} the TD targets
     * @param alpha   the regulariser's weight
     */
    public static CqlLoss of(double[] q, int[] actions, double[] targets, double alpha) {
        int m = actions.length;
        int a = q.length / m;
        double[] dq = new double[q.length];
        double loss = 0;
        double td = 0;
        double gap = 0;
        double[] logp = new double[a];
        for (int i = 0; i < m; i++) {
            int row = i * a;
            Categorical.logSoftmax(q, row, a, logp);
            double qa = q[row + actions[i]];
            double err = qa - targets[i];
            double regulariser = -logp[actions[i]]; // logsumexp_a Q(s, a) - Q(s, a_m)
            loss += alpha * regulariser + 0.5 * err * err;
            td += err * err;
            gap += regulariser;
            for (int j = 0; j < a; j++) {
                dq[row + j] = alpha * Math.exp(logp[j]) / m;
            }
            dq[row + actions[i]] += (err - alpha) / m;
        }
        return new CqlLoss(loss / m, td / m, gap / m, dq);
    }
}
