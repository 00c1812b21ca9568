package io.github.metarl4j.baseline;

import io.github.metarl4j.data.EpisodeBatch;
import io.github.metarl4j.data.HostArrays;
import java.util.Arrays;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The linear feature baseline of Duan et al., "Benchmarking Deep Reinforcement Learning for
 * Continuous Control" (ICML 2016), as used by MAML: per valid step, features
 * {@code [s, s^2, t/100, (t/100)^2, (t/100)^3, 1]} ({@code 2 obsDim + 4} values), fitted by
 * ridge-regularised least squares {@code (X^T X + reg I) c = X^T y} to the returns of the same
 * episodes; {@code reg} starts at 1e-5 and is multiplied by 10 after a failed solve (Commons Math
 * Cholesky), at most 5 attempts. Values are zero past an episode's end.
 *
 * @param coefficients   the fitted {@code c}, {@code [2 obsDim + 4]}
 * @param regularisation the {@code reg} of the successful solve
 */
public record LinearFeatureBaseline(double[] coefficients, double regularisation) {

    /** The first ridge coefficient tried. */
    public static final double INITIAL_REGULARISATION = 1e-5;
    private static final int ATTEMPTS = 5;

    /**
     * Fits the baseline to {@code returns [T, B]} (e.g. discounted returns) on the valid steps of
     * {@code batch}.
     *
     * @throws IllegalStateException if all 5 regularised solves fail
     */
    public static LinearFeatureBaseline fit(EpisodeBatch batch, INDArray returns) {
        int f = 2 * batch.obsDim() + 4;
        double[] x = features(batch, true);
        int valid = x.length / f;
        double[] y = new double[valid];
        double[] r = read(returns, batch);
        int row = 0;
        int b = batch.episodes();
        int[] lengths = batch.lengths();
        for (int s = 0; s < batch.steps(); s++) {
            for (int j = 0; j < b; j++) {
                if (s < lengths[j]) {
                    y[row++] = r[s * b + j];
                }
            }
        }
        INDArray xm = Nd4j.create(x, new long[] {valid, f}, DataType.DOUBLE);
        INDArray xtx = Nd4j.create(DataType.DOUBLE, f, f);
        Nd4j.gemm(xm, xm, xtx, true, false, 1.0, 0.0);
        INDArray xty = Nd4j.create(DataType.DOUBLE, f, 1);
        Nd4j.gemm(xm, Nd4j.create(y, new long[] {valid, 1}, DataType.DOUBLE), xty, true, false, 1.0, 0.0);
        double[][] a = xtx.toDoubleMatrix();
        double[] rhs = xty.data().asDouble();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            double reg = INITIAL_REGULARISATION * Math.pow(10, attempt);
            RealMatrix m = new Array2DRowRealMatrix(f, f);
            for (int i = 0; i < f; i++) {
                for (int k = 0; k < f; k++) {
                    m.setEntry(i, k, 0.5 * (a[i][k] + a[k][i]) + (i == k ? reg : 0));
                }
            }
            try {
                double[] c = new CholeskyDecomposition(m).getSolver().solve(new ArrayRealVector(rhs, false)).toArray();
                if (Arrays.stream(c).allMatch(Double::isFinite)) {
                    return new LinearFeatureBaseline(c, reg);
                }
            } catch (NonPositiveDefiniteMatrixException e) {
                // retry with a larger ridge, as the reference does
            }
        }
        throw new IllegalStateException(String.format("linear baseline fit failed for every ridge from %.0e to %.0e "
                + "(non-finite returns or observations?)", INITIAL_REGULARISATION,
                INITIAL_REGULARISATION * Math.pow(10, ATTEMPTS - 1)));
    }

    /** {@code [T, B]}: the baseline's value at every valid step, zero past each episode's end. */
    public INDArray values(EpisodeBatch batch) {
        int f = 2 * batch.obsDim() + 4;
        if (coefficients.length != f) {
            throw new IllegalArgumentException("baseline was fitted on " + (coefficients.length - 4) / 2
                    + "-wide observations, got a batch of " + batch.obsDim());
        }
        double[] x = features(batch, false);
        double[] v = new double[batch.steps() * batch.episodes()];
        int b = batch.episodes();
        int[] lengths = batch.lengths();
        for (int i = 0; i < v.length; i++) {
            if (i / b < lengths[i % b]) {
                double sum = 0;
                for (int k = 0; k < f; k++) {
                    sum += x[i * f + k] * coefficients[k];
                }
                v[i] = sum;
            }
        }
        return Nd4j.create(v, new long[] {batch.steps(), b}, batch.observations().dataType());
    }

    /**
     * Feature rows {@code [s, s^2, t/100, (t/100)^2, (t/100)^3, 1]}, time-major; only valid steps
     * when {@code validOnly}, else every (t, b) (padding rows then hold padding observations).
     */
    static double[] features(EpisodeBatch batch, boolean validOnly) {
        int d = batch.obsDim();
        int f = 2 * d + 4;
        int b = batch.episodes();
        int[] lengths = batch.lengths();
        double[] obs = HostArrays.read(batch.observations());
        int rows = validOnly ? Arrays.stream(lengths).sum() : batch.steps() * b;
        double[] x = new double[rows * f];
        int row = 0;
        for (int s = 0; s < batch.steps(); s++) {
            double t = s / 100.0;
            for (int j = 0; j < b; j++) {
                if (validOnly && s >= lengths[j]) {
                    continue;
                }
                int o = (s * b + j) * d;
                int at = row * f;
                for (int k = 0; k < d; k++) {
                    x[at + k] = obs[o + k];
                    x[at + d + k] = obs[o + k] * obs[o + k];
                }
                x[at + 2 * d] = t;
                x[at + 2 * d + 1] = t * t;
                x[at + 2 * d + 2] = t * t * t;
                x[at + 2 * d + 3] = 1;
                row++;
            }
        }
        return x;
    }

    private static double[] read(INDArray returns, EpisodeBatch batch) {
        if (returns == null || returns.rank() != 2 || returns.size(0) != batch.steps()
                || returns.size(1) != batch.episodes()) {
            throw new IllegalArgumentException("returns must have shape [" + batch.steps() + ", " + batch.episodes()
                    + "], got " + (returns == null ? "null" : Arrays.toString(returns.shape())));
        }
        return HostArrays.read(returns);
    }
}
