package io.github.metarl4j.policy;

import io.github.metarl4j.sampler.ActionFunction;
import java.util.List;
import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * One policy with a parameter vector per block of rows: rows {@code [i * rowsPerBlock, (i + 1) * rowsPerBlock)}
 * act with {@code thetas[i]}. This is how the sampler rolls out every task's adapted policy in one
 * lockstep batch (tasks are laid out task-major). Randomness is drawn block by block, in row order.
 *
 * @param policy       the policy
 * @param thetas       one parameter vector per block
 * @param rowsPerBlock rows per block (episodes per task), at least 1
 */
public record BlockActions(Policy policy, List<INDArray> thetas, int rowsPerBlock) implements ActionFunction {

    public BlockActions {
        if (thetas == null || thetas.isEmpty()) {
            throw new IllegalArgumentException("block parameters must be a non-empty list, got " + thetas);
        }
        if (rowsPerBlock < 1) {
            throw new IllegalArgumentException("rowsPerBlock must be >= 1, got " + rowsPerBlock);
        }
        thetas = List.copyOf(thetas);
    }

    @Override
    public INDArray act(INDArray observations, RandomGenerator rng) {
        long rows = observations.size(0);
        if (rows != (long) thetas.size() * rowsPerBlock) {
            throw new IllegalArgumentException("observations must have " + thetas.size() + " x " + rowsPerBlock
                    + " rows, got " + rows);
        }
        INDArray[] parts = new INDArray[thetas.size()];
        for (int i = 0; i < parts.length; i++) {
            INDArray block = observations.get(NDArrayIndex.interval((long) i * rowsPerBlock, (long) (i + 1) * rowsPerBlock),
                    NDArrayIndex.all());
            parts[i] = policy.sample(thetas.get(i), block.dup('c'), rng);
        }
        return Nd4j.vstack(parts);
    }
}
