package io.github.metarl4j.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Central finite differences in double precision, and the comparison the derivative tests use. */
public final class FiniteDifferences {

    /** The step used everywhere: small enough for O(h^2) error ~1e-10, large enough for rounding ~1e-11. */
    public static final double H = 1e-5;

    private FiniteDifferences() {
    }

    /** {@code d f / d theta_i = (f(theta + h e_i) - f(theta - h e_i)) / 2h} for every i. */
    public static INDArray gradient(ToDoubleFunction<INDArray> f, INDArray theta) {
        double[] g = new double[(int) theta.length()];
        for (int i = 0; i < g.length; i++) {
            INDArray plus = theta.dup();
            INDArray minus = theta.dup();
            plus.putScalar(i, theta.getDouble(i) + H);
            minus.putScalar(i, theta.getDouble(i) - H);
            g[i] = (f.applyAsDouble(plus) - f.applyAsDouble(minus)) / (2 * H);
        }
        return Nd4j.create(g, new long[] {g.length}, DataType.DOUBLE);
    }

    /** {@code (F(theta + h v) - F(theta - h v)) / 2h} for an array-valued F. */
    public static INDArray directional(Function<INDArray, INDArray> f, INDArray theta, INDArray v) {
        INDArray plus = f.apply(theta.add(v.mul(H)));
        INDArray minus = f.apply(theta.sub(v.mul(H)));
        return plus.sub(minus).divi(2 * H);
    }

    /** A random standard-normal vector of length n from a seeded stream. */
    public static INDArray randomVector(long n, long seed) {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(seed);
        double[] v = new double[(int) n];
        for (int i = 0; i < v.length; i++) {
            v[i] = rng.nextGaussian();
        }
        return Nd4j.create(v, new long[] {n}, DataType.DOUBLE);
    }

    /** A random standard-normal {@code [rows, cols]} array. */
    public static INDArray randomMatrix(long rows, long cols, long seed) {
        return randomVector(rows * cols, seed).reshape('c', new long[] {rows, cols});
    }

    /** Asserts {@code ||actual - expected|| <= tol * max(||expected||, 1e-8)}, naming the quantity. */
    public static void assertClose(INDArray expected, INDArray actual, double tol, String what) {
        double scale = Math.max(expected.norm2Number().doubleValue(), 1e-8);
        double err = expected.reshape(expected.length()).sub(actual.reshape(actual.length())).norm2Number().doubleValue();
        assertTrue(err <= tol * scale, what + ": relative error " + err / scale + " > " + tol
                + "\nexpected " + expected + "\nactual   " + actual);
    }
}
