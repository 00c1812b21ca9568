package io.github.metarl4j.envs.tabular;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.metarl4j.env.Env;
import io.github.metarl4j.env.StepResult;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TabularMdpTest {

    @Test
    void randomMdps_haveFlatDirichletRows_andNormalRewardMeans() {
        List<TabularMdp> mdps = new RandomMdps(TabularMdpConfig.RL2_PAPER).sample(400, new SplittableRandom(3));
        double p = 0;
        double pSq = 0;
        double mu = 0;
        double muSq = 0;
        int n = 0;
        for (TabularMdp m : mdps) {
            for (int s = 0; s < 10; s++) {
                for (int a = 0; a < 5; a++) {
                    double x = m.p(s, a, 3);
                    p += x;
                    pSq += x * x;
                    mu += m.mu(s, a);
                    muSq += m.mu(s, a) * m.mu(s, a);
                    n++;
                }
            }
        }
        // Dirichlet(1 x 10): each component Beta(1, 9), mean 0.1, variance 9 / (100 * 11)
        assertEquals(0.1, p / n, 0.003);
        assertEquals(9.0 / 1100, pSq / n - (p / n) * (p / n), 0.0008);
        assertEquals(1.0, mu / n, 0.03);
        assertEquals(1.0, muSq / n - (mu / n) * (mu / n), 0.05);
    }

    /** Two states, two actions: every quantity below is worked out by hand. */
    private static TabularMdp handMdp() {
        // from 0: action 0 stays in 0 (reward 1), action 1 moves to 1 (reward 0); from 1 both actions stay (reward 3, 2)
        return new TabularMdp(2, 2, new double[] {1, 0, 0, 1, 0, 1, 0, 1}, new double[] {1, 0, 3, 2});
    }

    @Test
    void oracle_matchesHandComputedValues() {
        // H = 1: best is 1 (stay). H = 2: move (0) then 3 = 3 beats 1 + 1. H = 3: 0 + 3 + 3 = 6.
        assertEquals(1.0, new TabularOracle(1).optimalReturn(handMdp()), 1e-12);
        assertEquals(3.0, new TabularOracle(2).optimalReturn(handMdp()), 1e-12);
        assertEquals(6.0, new TabularOracle(3).optimalReturn(handMdp()), 1e-12);
    }

    @Test
    void oracle_equalsTheBestOfEveryDeterministicPolicy_onRandomMdps() {
        for (TabularMdp m : new RandomMdps(new TabularMdpConfig(3, 2, 3)).sample(5, new SplittableRandom(9))) {
            // a deterministic policy for horizon 3 picks an action per (t, s): 2^(3*3) = 512 policies
            double best = Double.NEGATIVE_INFINITY;
            for (int code = 0; code < 512; code++) {
                double[] dist = {1, 0, 0};
                double total = 0;
                for (int t = 0; t < 3; t++) {
                    double[] next = new double[3];
                    for (int s = 0; s < 3; s++) {
                        int a = (code >> (t * 3 + s)) & 1;
                        total += dist[s] * m.mu(s, a);
                        for (int s2 = 0; s2 < 3; s2++) {
                            next[s2] += dist[s] * m.p(s, a, s2);
                        }
                    }
                    dist = next;
                }
                best = Math.max(best, total);
            }
            assertEquals(best, new TabularOracle(3).optimalReturn(m), 1e-12);
        }
    }

    @Test
    void env_followsTheTransitions_andRewardsHaveUnitNoise() {
        TabularMdp m = handMdp();
        Env<double[], Integer> env = RandomMdps.family(new TabularMdpConfig(2, 2, 3)).create(m);
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < 5000; i++) {
            double[] o = env.reset(i);
            assertEquals(1.0, o[0]);
            StepResult<double[]> r = env.step(1);
            assertEquals(1.0, r.observation()[1], "action 1 moves to state 1");
            double reward = env.step(0).reward();
            sum += reward;
            sumSq += reward * reward;
            StepResult<double[]> last = env.step(1);
            assertEquals(true, last.truncated(), "the time limit ends the episode");
        }
        assertEquals(3.0, sum / 5000, 0.05);
        assertEquals(1.0, sumSq / 5000 - (sum / 5000) * (sum / 5000), 0.06);
    }

    @Test
    void badInput_isNamed() {
        assertEquals("transition row (s=0, a=1) sums to 0.5, expected 1", assertThrows(IllegalArgumentException.class,
                () -> new TabularMdp(2, 2, new double[] {1, 0, 0.5, 0, 0, 1, 0, 1}, new double[4])).getMessage());
        assertEquals("horizon must be >= 1, got 0", assertThrows(IllegalArgumentException.class,
                () -> new TabularMdpConfig(10, 5, 0)).getMessage());
    }
}
