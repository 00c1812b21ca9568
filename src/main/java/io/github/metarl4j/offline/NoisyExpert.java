package io.github.metarl4j.offline;

import io.github.metarl4j.data.HostArrays;
import io.github.metarl4j.sampler.ActionFunction;
import io.github.metarl4j.task.Task;
import java.util.Locale;
import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The expert with probability {@code 1 - epsilon}, a uniformly random action with probability
 * {@code epsilon} (the epsilon-noisy behaviours of offline benchmarks): {@code mu(a | s) = epsilon / n
 * + (1 - epsilon) [a = expert(s)]}. With {@code epsilon = 0} the expert itself. Per row, in row order: one uniform draw, then, when it falls below epsilon, the
 * random action.
 *
 * @param expert  the task's optimal action
 * @param actions n, the number of discrete actions
 * @param epsilon the probability of a random action, in [0, 1]
 * @param <T>     task type
 */
public record NoisyExpert<T extends Task>(Expert<T> expert, int actions, double epsilon) implements Behaviour<T> {

    /**
     * Checks the arguments and holds them:
     *
     * @param expert  the task's optimal action
     * @param actions n, the number of discrete actions, at least 1
     * @param epsilon the probability of a random action, in [0, 1]
     */
    public NoisyExpert {
        if (expert == null || actions < 1) {
            throw new IllegalArgumentException("an expert and at least one action must be given, got " + actions);
        }
        if (!(epsilon >= 0 && epsilon <= 1)) {
            throw new IllegalArgumentException("epsilon must be in [0, 1], got " + epsilon);
        }
    }

    @Override
    public ActionFunction actions(T task) {
        return (observations, rng) -> {
            int rows = (int) observations.size(0);
            int width = (int) observations.size(1);
            double[] obs = HostArrays.read(observations);
            double[] out = new double[rows];
            double[] row = new double[width];
            for (int i = 0; i < rows; i++) {
                System.arraycopy(obs, i * width, row, 0, width);
                RandomGenerator g = rng.row(i);
                out[i] = g.nextDouble() < epsilon ? g.nextInt(actions) : expert.action(task, row);
            }
            return Nd4j.create(out, new long[] {rows, 1}, DataType.DOUBLE);
        };
    }

    @Override
    public double logProb(T task, double[] observation, double[] action) {
        double p = epsilon / actions + (action[0] == expert.action(task, observation) ? 1 - epsilon : 0);
        return Math.log(p);
    }

    @Override
    public String describe() {
        return epsilon == 0 ? "expert" : String.format(Locale.ROOT, "expert, epsilon %s",
                epsilon);
    }
}
