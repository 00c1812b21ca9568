package io.github.metarl4j.sampler;

import io.github.metarl4j.space.Space;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The uniform random policy over an action space: each row's action is
 * {@link Space#sample} of the space, drawn in row order from the given generator.
 *
 * @param space the action space
 * @param <A>   action type
 */
public record RandomActions<A>(Space<A> space) implements ActionFunction {

    /**
     * Checks the arguments and holds them:
     *
     * @param space the action space
     */
    public RandomActions {
        if (space == null) {
            throw new IllegalArgumentException("action space must be non-null");
        }
    }

    @Override
    public INDArray act(INDArray observations, RowStreams rng) {
        int rows = (int) observations.size(0);
        int dim = space.flatDim();
        double[] out = new double[rows * dim];
        for (int b = 0; b < rows; b++) {
            space.write(space.sample(rng.row(b)), out, b * dim);
        }
        return Nd4j.create(out, new long[] {rows, dim}, DataType.DOUBLE);
    }
}
