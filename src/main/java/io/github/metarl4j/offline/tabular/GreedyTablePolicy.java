package io.github.metarl4j.offline.tabular;

import io.github.metarl4j.algo.AdaptablePolicy;
import io.github.metarl4j.data.EpisodeBatch;
import io.github.metarl4j.data.HostArrays;
import io.github.metarl4j.sampler.ActionFunction;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The greedy policy of a Q table {@code [S * A]}: the state from the observation ({@link StateIndex}),
 * then {@code argmax_a Q(s, a)}, ties to the lowest action. A row that shows no state (an ended
 * episode's zero observation) acts 0. It does not adapt.
 *
 * @param q           {@code [S * A]}
 * @param actionCount A
 * @param index       observation to state
 */
public record GreedyTablePolicy(double[] q, int actionCount, StateIndex index) implements AdaptablePolicy {

    /**
     * Checks the arguments and holds a copy:
     *
     * @param q           {@code [S * A]}
     * @param actionCount A, at least 1
     * @param index       observation to state
     */
    public GreedyTablePolicy {
        if (actionCount < 1 || q.length % actionCount != 0 || index == null) {
            throw new IllegalArgumentException("a Q table of S x " + actionCount + " values and a state index must be "
                    + "given, got " + q.length + " values");
        }
        q = q.clone();
    }

    /** A copy of the table. */
    @Override
    public double[] q() {
        return q.clone();
    }

    /** The policy as a table {@code pi [S * A]}: 1 at each state's greedy action, 0 elsewhere. */
    public double[] probabilities() {
        double[] pi = new double[q.length];
        for (int s = 0; s < q.length / actionCount; s++) {
            pi[s * actionCount + action(s)] = 1;
        }
        return pi;
    }

    /** The greedy action in state {@code s}. */
    public int action(int s) {
        int best = 0;
        for (int a = 1; a < actionCount; a++) {
            best = q[s * actionCount + a] > q[s * actionCount + best] ? a : best;
        }
        return best;
    }

    @Override
    public ActionFunction actions() {
        return (observations, rng) -> {
            int rows = (int) observations.size(0);
            int width = (int) observations.size(1);
            double[] obs = HostArrays.read(observations);
            double[] out = new double[rows];
            for (int i = 0; i < rows; i++) {
                double[] row = Arrays.copyOfRange(obs, i * width, (i + 1) * width);
                out[i] = Arrays.stream(row).allMatch(v -> v == 0) ? 0 : action(index.of(row));
            }
            return Nd4j.create(out, new long[] {rows, 1}, DataType.DOUBLE);
        };
    }

    /** This policy, unchanged. */
    @Override
    public AdaptablePolicy adapt(EpisodeBatch episodes) {
        return this;
    }
}
