package io.github.metarl4j.eval;

import java.util.List;
import java.util.OptionalInt;

/**
 * Returns on held-out tasks after k = 0..K adaptation steps.
 *
 * @param name              what was evaluated ("maml", "pretrained", "random")
 * @param returns           per k, the mean episode return with a 95% t-interval over tasks
 * @param fractionOfOptimal per k, the mean of per-task {@code return / optimal} with its interval;
 *                          empty where the family has no oracle
 * @param perTask           {@code [K + 1][tasks]}: each task's mean episode return after k steps
 */
public record AdaptationCurve(String name, List<ConfidenceInterval> returns, List<ConfidenceInterval> fractionOfOptimal,
                              double[][] perTask) {

    /**
     * Checks the arguments and holds them:
     *
     * @param name              what was evaluated ("maml", "pretrained", "random")
     * @param returns           per k, the mean episode return with a 95% t-interval over tasks
     * @param fractionOfOptimal per k, the mean of per-task {@code return / optimal} with its interval;
     *                          empty where the family has no oracle
     * @param perTask           {@code [K + 1][tasks]}: each task's mean episode return after k steps
     */
    public AdaptationCurve {
        returns = List.copyOf(returns);
        fractionOfOptimal = List.copyOf(fractionOfOptimal);
    }

    /**
     * The mean over tasks of each task's returns summed over k = 0..K, with its 95% interval: for an
     * in-context learner, the total reward of a trial (the RL^2 paper's score).
     */
    public ConfidenceInterval total() {
        double[] sums = new double[perTask[0].length];
        for (double[] atK : perTask) {
            for (int i = 0; i < sums.length; i++) {
                sums[i] += atK[i];
            }
        }
        return ConfidenceInterval.of95(sums);
    }

    /**
     * The first k whose mean fraction of the optimal return is at least {@code target}; empty if no
     * k up to K reaches it (a censored run: it took more than K steps, or never gets there).
     *
     * @throws IllegalStateException if the curve has no fractions (the family has no oracle)
     */
    public OptionalInt firstReaching(double target) {
        requireFractions();
        for (int k = 0; k < fractionOfOptimal.size(); k++) {
            if (fractionOfOptimal.get(k).mean() >= target) {
                return OptionalInt.of(k);
            }
        }
        return OptionalInt.empty();
    }

    /**
     * The area under the curve of mean fractions of the optimal return, normalised to [.., 1]: the
     * mean over k = 0..K (1 for a curve at the optimum throughout).
     *
     * @throws IllegalStateException if the curve has no fractions
     */
    public double fractionArea() {
        requireFractions();
        return fractionOfOptimal.stream().mapToDouble(ConfidenceInterval::mean).average().orElseThrow();
    }

    private void requireFractions() {
        if (fractionOfOptimal.isEmpty()) {
            throw new IllegalStateException("curve '" + name + "' has no fractions of the optimal return: the family "
                    + "has no oracle");
        }
    }

    /** K, the number of adaptation steps. */
    public int steps() {
        return returns.size() - 1;
    }
}
