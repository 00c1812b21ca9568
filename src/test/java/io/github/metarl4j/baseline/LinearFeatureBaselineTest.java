package io.github.metarl4j.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.metarl4j.data.EpisodeBatch;
import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class LinearFeatureBaselineTest {

    /** T = 6, B = 4, obsDim = 2, ragged lengths. */
    private static EpisodeBatch batch(long seed) {
        return batch(seed, 6, new int[] {6, 3, 5, 1});
    }

    /** T steps, B = 4, obsDim = 2, the given lengths. */
    private static EpisodeBatch batch(long seed, int steps, int[] lengths) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] obs = new double[steps * 4 * 2];
        for (int s = 0; s < steps; s++) {
            for (int j = 0; j < 4; j++) {
                for (int k = 0; k < 2; k++) {
                    obs[(s * 4 + j) * 2 + k] = s < lengths[j] ? rng.nextGaussian() : 0;
                }
            }
        }
        return EpisodeBatch.fromArrays(obs, new double[steps * 4], new double[steps * 4], steps, 4, 2, 1, lengths,
                new boolean[4],
                new int[] {0, 0, 1, 1}, DataType.DOUBLE);
    }

    private static double[] naiveFeatures(double o1, double o2, int t) {
        double s = t / 100.0;
        return new double[] {o1, o2, o1 * o1, o2 * o2, s, s * s, s * s * s, 1};
    }

    @Test
    void fit_matchesNaiveNormalEquations() {
        EpisodeBatch b = batch(1);
        double[] y = new SplittableRandom(2).doubles(24).toArray();
        INDArray returns = Nd4j.create(y, new long[] {6, 4}, DataType.DOUBLE);
        double[][] xtx = new double[8][8];
        double[] xty = new double[8];
        double[] obs = b.observations().dup().data().asDouble();
        for (int s = 0; s < 6; s++) {
            for (int j = 0; j < 4; j++) {
                if (s < b.lengths()[j]) {
                    double[] f = naiveFeatures(obs[(s * 4 + j) * 2], obs[(s * 4 + j) * 2 + 1], s);
                    for (int p = 0; p < 8; p++) {
                        xty[p] += f[p] * y[s * 4 + j];
                        for (int q = 0; q < 8; q++) {
                            xtx[p][q] += f[p] * f[q];
                        }
                    }
                }
            }
        }
        for (int p = 0; p < 8; p++) {
            xtx[p][p] += 1e-5;
        }
        double[] expected = new LUDecomposition(new Array2DRowRealMatrix(xtx)).getSolver()
                .solve(new ArrayRealVector(xty)).toArray();
        LinearFeatureBaseline fit = LinearFeatureBaseline.fit(b, returns);
        assertEquals(1e-5, fit.regularisation());
        assertArrayEquals(expected, fit.coefficients(), 1e-8);
    }

    @Test
    void fit_recoversAnExactlyLinearTarget_andValuesAreZeroPastTheEnd() {
        // 100 steps, so the time features span [0, 1) and the 1e-5 ridge is negligible beside X^T X
        EpisodeBatch b = batch(3, 100, new int[] {100, 60, 80, 30});
        double[] c = {0.5, -1, 2, 0.25, 3, -4, 5, 0.75};
        double[] obs = b.observations().dup().data().asDouble();
        double[] y = new double[400];
        for (int i = 0; i < 400; i++) {
            double[] f = naiveFeatures(obs[i * 2], obs[i * 2 + 1], i / 4);
            for (int p = 0; p < 8; p++) {
                y[i] += f[p] * c[p];
            }
        }
        LinearFeatureBaseline fit = LinearFeatureBaseline.fit(b, Nd4j.create(y, new long[] {100, 4}, DataType.DOUBLE));
        INDArray values = fit.values(b);
        for (int i = 0; i < 400; i++) {
            double expected = i / 4 < b.lengths()[i % 4] ? y[i] : 0;
            assertEquals(expected, values.getDouble(i / 4, i % 4), 1e-4, "step " + i / 4 + " episode " + i % 4);
        }
    }

    @Test
    void nonFiniteReturns_failAfterFiveRidgeIncreases() {
        EpisodeBatch b = batch(4);
        INDArray returns = Nd4j.zeros(DataType.DOUBLE, 6, 4);
        returns.putScalar(0, 0, Double.NaN);
        var e = assertThrows(IllegalStateException.class, () -> LinearFeatureBaseline.fit(b, returns));
        assertEquals("linear baseline fit failed for every ridge from 1e-05 to 1e-01 (non-finite returns or observations?)",
                e.getMessage());
    }

    @Test
    void returnsOfTheWrongShape_areRejected() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> LinearFeatureBaseline.fit(batch(5), Nd4j.zeros(DataType.DOUBLE, 4, 6)));
        assertEquals("returns must have shape [6, 4], got [4, 6]", e.getMessage());
    }
}
