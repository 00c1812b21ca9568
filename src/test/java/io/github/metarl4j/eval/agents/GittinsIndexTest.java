package io.github.metarl4j.eval.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GittinsIndexTest {

    @Test
    void uniformPrior_matchesThePublishedIndex() {
        // Gittins, Glazebrook and Weber, "Multi-armed Bandit Allocation Indices" (2011), Bernoulli
        // table: the Beta(1, 1) arm at discount 0.9 has index 0.7029.
        GittinsIndex table = new GittinsIndex(0.9, 20);
        System.out.printf("Gittins index of Beta(1, 1): %.5f at 0.9%n", table.index(1, 1));
        assertEquals(0.7029, table.index(1, 1), 5e-5);
    }

    /** The index by bisection on lambda with a plain recursive value of each lambda: slow, obviously right. */
    private static double naiveIndex(int a, int b, double gamma, int depth) {
        double lo = 0;
        double hi = 1;
        for (int it = 0; it < 40; it++) {
            double lambda = (lo + hi) / 2;
            double[][] memo = new double[depth + 2][depth + 2];
            double continuing = continuation(a, b, 0, 0, lambda, gamma, depth, memo);
            if (continuing > lambda) {
                lo = lambda;
            } else {
                hi = lambda;
            }
        }
        return (lo + hi) / 2;
    }

    private static double continuation(int a, int b, int i, int j, double lambda, double gamma, int depth,
                                       double[][] memo) {
        double p = (a + i) / (double) (a + b + i + j);
        return (1 - gamma) * p + gamma * (p * value(a, b, i + 1, j, lambda, gamma, depth, memo)
                + (1 - p) * value(a, b, i, j + 1, lambda, gamma, depth, memo));
    }

    private static double value(int a, int b, int i, int j, double lambda, double gamma, int depth, double[][] memo) {
        if (i + j == depth) {
            return Math.max(lambda, (a + i) / (double) (a + b + i + j));
        }
        if (memo[i][j] == 0) {
            memo[i][j] = Math.max(lambda, continuation(a, b, i, j, lambda, gamma, depth, memo));
        }
        return memo[i][j];
    }

    @Test
    void table_agreesWithNaiveBisection_acrossStatesAndDiscounts() {
        for (double gamma : new double[] {0.5, 0.8, 0.95}) {
            GittinsIndex table = new GittinsIndex(gamma, 12);
            for (int[] s : new int[][] {{1, 1}, {2, 1}, {1, 2}, {5, 3}, {3, 9}, {7, 7}}) {
                assertEquals(naiveIndex(s[0], s[1], gamma, 400), table.index(s[0], s[1]), 2e-5,
                        "Beta(" + s[0] + ", " + s[1] + ") at " + gamma);
            }
        }
    }

    @Test
    void index_exceedsTheMean_andGrowsWithTheDiscount() {
        GittinsIndex low = new GittinsIndex(0.5, 10);
        GittinsIndex high = new GittinsIndex(0.95, 10);
        for (int a = 1; a <= 5; a++) {
            for (int b = 1; b <= 5; b++) {
                double mean = a / (double) (a + b);
                assertTrue(low.index(a, b) > mean, "an uncertain arm is worth more than its mean");
                assertTrue(high.index(a, b) > low.index(a, b));
            }
        }
        assertEquals("state (0, 3) is outside the table: a, b >= 1 and a + b <= 12",
                assertThrows(IllegalArgumentException.class, () -> low.index(0, 3)).getMessage());
    }
}
