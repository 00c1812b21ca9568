package io.github.metarl4j.space;

import java.util.random.RandomGenerator;

/**
 * A set of observations or actions, with a flat numeric encoding so that a batch of values
 * is one row each of a {@code [B, flatDim]} array.
 *
 * @param <T> the Java type of one value (an {@code Integer} for {@link Discrete}, a
 *            {@code double[]} for {@link Box})
 */
public sealed interface Space<T> permits Discrete, Box {

    /** Whether {@code value} is a member of this space (false for {@code null}). */
    boolean contains(T value);

    /** A value drawn uniformly (for a bounded space) from {@code rng}. */
    T sample(RandomGenerator rng);

    /** The number of doubles of one value's flat encoding. */
    int flatDim();

    /**
     * Writes the flat encoding of {@code value} into {@code dst[offset, offset + flatDim())}.
     *
     * @throws IllegalArgumentException if the value has the wrong shape for this space
     */
    void write(T value, double[] dst, int offset);

    /**
     * Reads a value from its flat encoding at {@code src[offset]}; the inverse of
     * {@link #write}. The result is a fresh object the caller may hand to an environment.
     *
     * @throws IllegalArgumentException if the encoding is not a member's (e.g. a fractional
     *                                  or out-of-range index for {@link Discrete})
     */
    T read(double[] src, int offset);
}
