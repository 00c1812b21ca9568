package io.github.metarl4j.space;

import java.util.random.RandomGenerator;

/**
 * The integers {@code {0, 1, ..., n - 1}}, encoded flat as one double holding the index.
 *
 * @param n the number of elements, at least 1
 */
public record Discrete(int n) implements Space<Integer> {

    /**
     * Checks the arguments and holds them:
     *
     * @param n the number of elements, at least 1
     */
    public Discrete {
        if (n < 1) {
            throw new IllegalArgumentException("Discrete size n must be >= 1, got " + n);
        }
    }

    @Override
    public boolean contains(Integer value) {
        return value != null && value >= 0 && value < n;
    }

    @Override
    public Integer sample(RandomGenerator rng) {
        return rng.nextInt(n);
    }

    @Override
    public int flatDim() {
        return 1;
    }

    @Override
    public void write(Integer value, double[] dst, int offset) {
        dst[offset] = checked(value);
    }

    @Override
    public Integer read(double[] src, int offset) {
        double v = src[offset];
        if (!(v >= 0 && v < n) || v != Math.rint(v)) {
            throw new IllegalArgumentException("discrete value must be an integer in [0, " + n + "), got " + v);
        }
        return (int) v;
    }

    /** Returns {@code value} if it is a member, else throws an error naming it. */
    public int checked(Integer value) {
        if (!contains(value)) {
            throw new IllegalArgumentException("action must be an integer in [0, " + n + "), got " + value);
        }
        return value;
    }
}
