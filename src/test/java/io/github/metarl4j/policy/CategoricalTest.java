package io.github.metarl4j.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The shared categorical head against hand-computed values. */
class CategoricalTest {

    @Test
    void logSoftmax_andSoftmax_matchTheNaiveFormula() {
        double[] x = {9, 1.0, 2.0, -0.5, 7};
        double[] out = new double[3];
        Categorical.logSoftmax(x, 1, 3, out);
        double z = Math.exp(1.0) + Math.exp(2.0) + Math.exp(-0.5);
        double[] p = Categorical.softmaxInPlace(new double[] {1.0, 2.0, -0.5, 1000, 1000, 1000}, 3);
        for (int j = 0; j < 3; j++) {
            double expected = Math.exp(x[1 + j]) / z;
            assertEquals(Math.log(expected), out[j], 1e-15);
            assertEquals(expected, p[j], 1e-15);
            assertEquals(1.0 / 3, p[3 + j], 1e-15, "large equal logits do not overflow");
        }
    }

    @Test
    void draw_invertsTheCumulativeProbabilities() {
        double[] p = {0.5, 0.2, 0.3, 0.0};
        assertEquals(0, Categorical.draw(p, 0, 3, 0.0));
        assertEquals(0, Categorical.draw(p, 0, 3, 0.4999));
        assertEquals(1, Categorical.draw(p, 0, 3, 0.5));
        assertEquals(1, Categorical.draw(p, 0, 3, 0.6999));
        assertEquals(2, Categorical.draw(p, 0, 3, 0.7));
        assertEquals(2, Categorical.draw(p, 0, 3, 0.99999), "the last action takes what rounding leaves");
        assertEquals(1, Categorical.draw(p, 1, 3, 0.3), "an offset row: p = (0.2, 0.3, 0.0)");
        assertEquals(2, Categorical.draw(p, 1, 3, 0.5), "past the total (0.5): the last action");
    }
}
