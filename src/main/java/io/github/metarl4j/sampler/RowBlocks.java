package io.github.metarl4j.sampler;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A different action function for each block of rows: rows {@code [i * rowsPerBlock, (i + 1) * rowsPerBlock)}
 * act with {@code blocks[i]}. With tasks laid out task-major this rolls out a different (adapted)
 * policy per task in one lockstep batch. Randomness is drawn block by block, in row order.
 *
 * @param blocks       one action function per block
 * @param rowsPerBlock rows per block (episodes per task), at least 1
 */
public record RowBlocks(List<ActionFunction> blocks, int rowsPerBlock) implements ActionFunction {

    /**
     * Checks the arguments and holds them:
     *
     * @param blocks       one action function per block
     * @param rowsPerBlock rows per block (episodes per task), at least 1
     */
    public RowBlocks {
        if (blocks == null || blocks.isEmpty()) {
            throw new IllegalArgumentException("row blocks must be a non-empty list, got " + blocks);
        }
        if (rowsPerBlock < 1) {
            throw new IllegalArgumentException("rowsPerBlock must be >= 1, got " + rowsPerBlock);
        }
        blocks = List.copyOf(blocks);
    }

    @Override
    public INDArray act(INDArray observations, RowStreams rng) {
        long rows = observations.size(0);
        if (rows != (long) blocks.size() * rowsPerBlock) {
            throw new IllegalArgumentException("observations must have " + blocks.size() + " x " + rowsPerBlock
                    + " rows, got " + rows);
        }
        INDArray[] parts = new INDArray[blocks.size()];
        for (int i = 0; i < parts.length; i++) {
            INDArray block = observations.get(NDArrayIndex.interval((long) i * rowsPerBlock,
                    (long) (i + 1) * rowsPerBlock), NDArrayIndex.all());
            parts[i] = blocks.get(i).act(block.dup('c'), streams(rng, i));
        }
        return Nd4j.vstack(parts);
    }

    /**
     * The streams of block i's rows: its share of the streams when they come k per block (k >= 1), or
     * the one stream for all rows.
     */
    private RowStreams streams(RowStreams rng, int i) {
        if (rng.blocks() % blocks.size() == 0) {
            int k = rng.blocks() / blocks.size();
            return rng.range(i * k, k);
        }
        if (rng.blocks() == 1) {
            return RowStreams.single(rng.block(0), rowsPerBlock);
        }
        throw new IllegalArgumentException(blocks.size() + " row blocks cannot act on rows in " + rng.blocks()
                + " streams");
    }
}
