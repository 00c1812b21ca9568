package io.github.metarl4j.offline;

import io.github.metarl4j.sampler.ActionFunction;
import io.github.metarl4j.task.Task;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Uniformly random discrete actions, {@code mu(a | s) = 1 / n}: the "random" behaviour of offline
 * datasets. One draw per row, in row order.
 *
 * @param actions n, the number of discrete actions
 * @param <T>     task type
 */
public record UniformBehaviour<T extends Task>(int actions) implements Behaviour<T> {

    /**
     * Checks the arguments and holds them:
     *
     * @param actions n, the number of discrete actions, at least 1
     */
    public UniformBehaviour {
        if (actions < 1) {
            throw new IllegalArgumentException("actions must be >= 1, got " + actions);
        }
    }

    @Override
    public ActionFunction actions(T task) {
        return (observations, rng) -> {
            int rows = (int) observations.size(0);
            double[] out = new double[rows];
            for (int i = 0; i < rows; i++) {
                out[i] = rng.row(i).nextInt(actions);
            }
            return Nd4j.create(out, new long[] {rows, 1}, DataType.DOUBLE);
        };
    }

    @Override
    public double logProb(T task, double[] observation, double[] action) {
        return -Math.log(actions);
    }

    @Override
    public String describe() {
        return "random";
    }
}
