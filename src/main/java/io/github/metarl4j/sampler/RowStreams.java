package io.github.metarl4j.sampler;

import io.github.metarl4j.random.SeedTree;
import java.util.List;
import java.util.OptionalLong;
import java.util.random.RandomGenerator;

/**
 * The randomness of a task-major batch of rows: {@code B = M E} rows in M blocks of E, block i
 * (rows {@code [i E, (i + 1) E)}, one task's episodes or one trial) drawing from its own generator,
 * in row order. Because no block shares a stream with another, a block draws the same numbers in
 * a batch of all M tasks, alone, or in any group of tasks; that is what lets a sampler on several
 * machines give the in-process sampler's episodes bit for bit.
 *
 * <p>A {@link Sampler} makes one stream per task with {@link #forTasks}: it draws one seed from the
 * caller's generator and gives task i the generator of child i of that seed's {@link SeedTree}, so
 * task i's stream depends only on the seed and i, not on which other tasks share the call.
 */
public final class RowStreams {

    private final RandomGenerator[] blocks;
    private final int rowsPerBlock;
    private final OptionalLong seed;
    private final int first;

    private RowStreams(RandomGenerator[] blocks, int rowsPerBlock) {
        this(blocks, rowsPerBlock, OptionalLong.empty(), 0);
    }

    private RowStreams(RandomGenerator[] blocks, int rowsPerBlock, OptionalLong seed, int first) {
        if (rowsPerBlock < 1) {
            throw new IllegalArgumentException("rows per block must be >= 1, got " + rowsPerBlock);
        }
        for (int i = 0; i < blocks.length; i++) {
            if (blocks[i] == null) {
                throw new IllegalArgumentException("the generator of block " + i + " is null");
            }
        }
        this.blocks = blocks;
        this.rowsPerBlock = rowsPerBlock;
        this.seed = seed;
        this.first = first;
    }

    /** One stream for all {@code rows} rows: a batch that is one block. */
    public static RowStreams single(RandomGenerator rng, int rows) {
        return new RowStreams(new RandomGenerator[] {rng}, rows);
    }

    /** M blocks of {@code rowsPerBlock} rows, block i drawing from {@code generators.get(i)}. */
    public static RowStreams of(List<? extends RandomGenerator> generators, int rowsPerBlock) {
        if (generators == null || generators.isEmpty()) {
            throw new IllegalArgumentException("row streams need at least one generator, got " + generators);
        }
        return new RowStreams(generators.toArray(RandomGenerator[]::new), rowsPerBlock);
    }

    /**
     * The streams of {@code tasks} tasks of {@code rowsPerBlock} rows each, from one seed drawn from
     * {@code rng}: task i draws from {@code new SeedTree(seed).child(i).generator()}.
     */
    public static RowStreams forTasks(RandomGenerator rng, int tasks, int rowsPerBlock) {
        return forTasks(rng.nextLong(), 0, tasks, rowsPerBlock);
    }

    /**
     * The streams of tasks {@code [first, first + tasks)} of a call whose seed is {@code seed}: what
     * {@link #forTasks(RandomGenerator, int, int)} gives those tasks, for a back end that plays a
     * subset of a call's tasks.
     */
    public static RowStreams forTasks(long seed, int first, int tasks, int rowsPerBlock) {
        if (first < 0 || tasks < 1) {
            throw new IllegalArgumentException("tasks [" + first + ", " + first + " + " + tasks
                    + ") must be a non-empty range from 0 or later");
        }
        SeedTree call = new SeedTree(seed);
        RandomGenerator[] g = new RandomGenerator[tasks];
        for (int i = 0; i < tasks; i++) {
            g[i] = call.child(first + i).generator();
        }
        return new RowStreams(g, rowsPerBlock, OptionalLong.of(seed), first);
    }

    /**
     * The call's seed when these are fresh streams of {@link #forTasks} (nothing drawn from them yet is
     * not checked: a back end rebuilds them from the seed before any draw), else empty.
     */
    public OptionalLong seed() {
        return seed;
    }

    /** The index of block 0's task in its call (0 unless built for a part). */
    public int first() {
        return first;
    }

    /** M, the number of blocks. */
    public int blocks() {
        return blocks.length;
    }

    /** E, the rows of each block. */
    public int rowsPerBlock() {
        return rowsPerBlock;
    }

    /** B = M E. */
    public int rows() {
        return blocks.length * rowsPerBlock;
    }

    /** The generator of block {@code i}. */
    public RandomGenerator block(int i) {
        return blocks[i];
    }

    /** The generator row {@code row} draws from. */
    public RandomGenerator row(int row) {
        if (row < 0 || row >= rows()) {
            throw new IllegalArgumentException("row " + row + " is outside the " + rows() + " rows of these streams");
        }
        return blocks[row / rowsPerBlock];
    }

    /** Blocks {@code [first, first + count)}, as streams of their own. */
    public RowStreams range(int first, int count) {
        if (first < 0 || count < 1 || first + count > blocks.length) {
            throw new IllegalArgumentException("blocks [" + first + ", " + (first + count) + ") are outside the "
                    + blocks.length + " blocks of these streams");
        }
        return new RowStreams(java.util.Arrays.copyOfRange(blocks, first, first + count), rowsPerBlock);
    }

    /**
     * Checks that a batch of {@code rows} rows is laid out as these streams say.
     *
     * @throws IllegalArgumentException naming both counts if not
     */
    public void checkRows(long rows) {
        if (rows != rows()) {
            throw new IllegalArgumentException("a batch of " + rows + " rows does not match row streams of "
                    + blocks.length + " blocks x " + rowsPerBlock + " rows");
        }
    }
}
