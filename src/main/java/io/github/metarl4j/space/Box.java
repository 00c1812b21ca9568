package io.github.metarl4j.space;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * The box {@code [low_0, high_0] x ... x [low_{d-1}, high_{d-1}]} of real vectors, bounds
 * possibly infinite. Members are finite {@code double[d]} arrays inside the bounds.
 */
public final class Box implements Space<double[]> {

    private final double[] low;
    private final double[] high;

    /**
     * A box with per-coordinate bounds.
     *
     * @param low  the lower bound of each coordinate, {@code [d]}, d >= 1, no NaN (may be -infinity)
     * @param high the upper bound of each coordinate, {@code [d]}, {@code low[i] <= high[i]}, no NaN
     */
    public Box(double[] low, double[] high) {
        if (low.length != high.length || low.length == 0) {
            throw new IllegalArgumentException("Box bounds must have the same positive length, got low "
                    + low.length + " and high " + high.length);
        }
        for (int i = 0; i < low.length; i++) {
            if (!(low[i] <= high[i])) {
                throw new IllegalArgumentException("Box bound low[" + i + "] must be <= high[" + i + "], got "
                        + low[i] + " and " + high[i]);
            }
        }
        this.low = low.clone();
        this.high = high.clone();
    }

    /** The cube {@code [low, high]^dim}. */
    public static Box of(double low, double high, int dim) {
        if (dim < 1) {
            throw new IllegalArgumentException("Box dimension must be >= 1, got " + dim);
        }
        double[] lo = new double[dim];
        double[] hi = new double[dim];
        Arrays.fill(lo, low);
        Arrays.fill(hi, high);
        return new Box(lo, hi);
    }

    /** The whole of {@code R^dim}. */
    public static Box unbounded(int dim) {
        return of(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, dim);
    }

    public int dim() {
        return low.length;
    }

    public double low(int i) {
        return low[i];
    }

    public double high(int i) {
        return high[i];
    }

    @Override
    public boolean contains(double[] value) {
        if (value == null || value.length != low.length) {
            return false;
        }
        for (int i = 0; i < value.length; i++) {
            if (!Double.isFinite(value[i]) || value[i] < low[i] || value[i] > high[i]) {
                return false;
            }
        }
        return true;
    }

    /** Uniform in each bounded coordinate; standard normal where a coordinate is unbounded. */
    @Override
    public double[] sample(RandomGenerator rng) {
        double[] x = new double[low.length];
        for (int i = 0; i < x.length; i++) {
            boolean finite = Double.isFinite(low[i]) && Double.isFinite(high[i]);
            x[i] = finite ? low[i] + (high[i] - low[i]) * rng.nextDouble() : rng.nextGaussian();
            if (!finite) {
                x[i] = Math.min(high[i], Math.max(low[i], x[i]));
            }
        }
        return x;
    }

    @Override
    public int flatDim() {
        return low.length;
    }

    @Override
    public void write(double[] value, double[] dst, int offset) {
        checkShape(value);
        System.arraycopy(value, 0, dst, offset, value.length);
    }

    @Override
    public double[] read(double[] src, int offset) {
        return Arrays.copyOfRange(src, offset, offset + low.length);
    }

    /**
     * Throws an error naming the problem unless {@code value} is a {@code double[dim]} of
     * finite numbers; bounds are not checked (environments document whether they clip).
     */
    public void checkFinite(double[] value, String what) {
        checkShape(value);
        for (int i = 0; i < value.length; i++) {
            if (!Double.isFinite(value[i])) {
                throw new IllegalArgumentException(what + "[" + i + "] must be finite, got " + value[i]);
            }
        }
    }

    private void checkShape(double[] value) {
        if (value == null || value.length != low.length) {
            throw new IllegalArgumentException("value must be a double[" + low.length + "], got "
                    + (value == null ? "null" : "double[" + value.length + "]"));
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Box b && Arrays.equals(low, b.low) && Arrays.equals(high, b.high);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(low) + Arrays.hashCode(high);
    }

    @Override
    public String toString() {
        return "Box(low=" + Arrays.toString(low) + ", high=" + Arrays.toString(high) + ")";
    }
}
