package io.github.metarl4j.offline.ope;

import io.github.metarl4j.data.TransitionDataset;
import java.util.Arrays;

/**
 * Estimators of a target policy's expected discounted return per episode,
 * {@code J(pi) = E_pi[sum_{t < T} gamma^t r_t]} (episodes end as in the data: at a terminal state or
 * the time limit), from a dataset whose behaviour log-probabilities {@code log mu(a_t | s_t)} are
 * known. With {@code rho_t = pi(a_t | s_t) / mu(a_t | s_t)} and episodes e = 1..E (Precup, Sutton
 * and Singh 2000; Jiang and Li 2016, "Doubly Robust Off-policy Value Evaluation for Reinforcement
 * Learning"):
 *
 * <ul>
 *   <li>importance sampling: {@code (1/E) sum_e (prod_t rho_t) G_e}, {@code G_e = sum_t gamma^t r_t};
 *   <li>per-decision: {@code (1/E) sum_e sum_t gamma^t (prod_{k <= t} rho_k) r_t};
 *   <li>weighted (trajectory-wise): {@code sum_e W_e G_e / sum_e W_e}, {@code W_e = prod_t rho_t}, biased
 *       but consistent, and bounded by the returns;
 *   <li>doubly robust: per episode, backwards from {@code DR_T = 0},
 *       {@code DR_t = V(s_t) + rho_t (r_t + gamma DR_{t+1} - Q(s_t, a_t))} with a model's {@code Q} and
 *       {@code V(s) = sum_a pi(a | s) Q(s, a)}; then the mean of {@code DR_0}.
 * </ul>
 *
 * The first, the second and the fourth are unbiased for any model when {@code mu} is the true
 * behaviour and covers {@code pi}; every one is tested so on a two-state MDP of known value.
 */
public final class OffPolicyEvaluation {

    /** A model's values for the doubly robust estimator. */
    public interface Model {

        /** {@code Q(s, a)} for one observation and action. */
        double q(double[] observation, double[] action);

        /** {@code V(s) = E_{a ~ pi} Q(s, a)}. */
        double v(double[] observation);
    }

    private OffPolicyEvaluation() {
    }

    /** Ordinary (trajectory-wise) importance sampling. */
    public static double importanceSampling(TransitionDataset data, TargetPolicy target, double gamma) {
        Episodes e = new Episodes(data, target, gamma);
        double total = 0;
        for (int ep = 0; ep < e.count(); ep++) {
            total += e.weight(ep) * e.discountedReturn(ep);
        }
        return total / e.count();
    }

    /** Per-decision importance sampling. */
    public static double perDecision(TransitionDataset data, TargetPolicy target, double gamma) {
        Episodes e = new Episodes(data, target, gamma);
        double total = 0;
        for (int ep = 0; ep < e.count(); ep++) {
            double w = 1;
            double discount = 1;
            for (int i = e.start(ep); i < e.start(ep + 1); i++) {
                w *= e.rho[i];
                total += discount * w * e.rewards[i];
                discount *= gamma;
            }
        }
        return total / e.count();
    }

    /** Weighted (self-normalised) importance sampling over whole episodes; NaN if every weight is 0. */
    public static double weighted(TransitionDataset data, TargetPolicy target, double gamma) {
        Episodes e = new Episodes(data, target, gamma);
        double num = 0;
        double den = 0;
        for (int ep = 0; ep < e.count(); ep++) {
            num += e.weight(ep) * e.discountedReturn(ep);
            den += e.weight(ep);
        }
        return den == 0 ? Double.NaN : num / den;
    }

    /** The per-decision doubly robust estimator with {@code model}'s values. */
    public static double doublyRobust(TransitionDataset data, TargetPolicy target, double gamma, Model model) {
        Episodes e = new Episodes(data, target, gamma);
        double total = 0;
        for (int ep = 0; ep < e.count(); ep++) {
            double dr = 0;
            for (int i = e.start(ep + 1) - 1; i >= e.start(ep); i--) {
                double[] o = e.observation(i);
                double[] a = e.action(i);
                dr = model.v(o) + e.rho[i] * (e.rewards[i] + gamma * dr - model.q(o, a));
            }
            total += dr;
        }
        return total / e.count();
    }

    /** The dataset's episodes with each row's importance ratio. */
    private static final class Episodes {
        private final int[] starts;
        private final double[] rho;
        private final double[] rewards;
        private final double[] observations;
        private final double[] actions;
        private final int obsDim;
        private final int actDim;
        private final double gamma;

        Episodes(TransitionDataset data, TargetPolicy target, double gamma) {
            if (!(gamma >= 0 && gamma <= 1)) {
                throw new IllegalArgumentException("gamma must be in [0, 1], got " + gamma);
            }
            double[] logMu = data.behaviourLogProb().orElseThrow(() -> new IllegalArgumentException(
                    "off-policy evaluation by importance sampling needs the behaviour's log-probabilities "
                            + "(behaviour_log_prob / infos/action_log_probs), which this dataset lacks"));
            this.starts = data.episodeStarts();
            this.rewards = data.rewards();
            this.observations = data.observations();
            this.actions = data.actions();
            this.obsDim = data.obsDim();
            this.actDim = data.actDim();
            this.gamma = gamma;
            this.rho = new double[data.size()];
            for (int i = 0; i < rho.length; i++) {
                double p = target.probability(observation(i), action(i));
                if (!(p >= 0) || Double.isInfinite(p)) {
                    throw new IllegalArgumentException("target policy row " + i + ": probability must be finite and "
                            + ">= 0, got " + p);
                }
                rho[i] = p / Math.exp(logMu[i]);
            }
        }

        int count() {
            return starts.length - 1;
        }

        int start(int ep) {
            return starts[ep];
        }

        double[] observation(int i) {
            return Arrays.copyOfRange(observations, i * obsDim, (i + 1) * obsDim);
        }

        double[] action(int i) {
            return Arrays.copyOfRange(actions, i * actDim, (i + 1) * actDim);
        }

        double weight(int ep) {
            double w = 1;
            for (int i = starts[ep]; i < starts[ep + 1]; i++) {
                w *= rho[i];
            }
            return w;
        }

        double discountedReturn(int ep) {
            double g = 0;
            double discount = 1;
            for (int i = starts[ep]; i < starts[ep + 1]; i++) {
                g += discount * rewards[i];
                discount *= gamma;
            }
            return g;
        }
    }
}
