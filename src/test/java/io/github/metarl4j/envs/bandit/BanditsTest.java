package io.github.metarl4j.envs.bandit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metarl4j.env.Env;
import io.github.metarl4j.env.StepResult;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BanditsTest {

    @Test
    void armMeans_areUniformOnTheUnitInterval() {
        List<BanditTask> tasks = new Bandits(BanditConfig.bernoulli(5)).sample(4000, new SplittableRandom(1));
        double sum = 0;
        double sumSq = 0;
        for (BanditTask t : tasks) {
            for (int i = 0; i < 5; i++) {
                assertTrue(t.mean(i) >= 0 && t.mean(i) < 1);
                sum += t.mean(i);
                sumSq += t.mean(i) * t.mean(i);
            }
        }
        double mean = sum / 20000;
        assertEquals(0.5, mean, 0.01);
        assertEquals(1.0 / 12, sumSq / 20000 - mean * mean, 0.003);
        // the best of 5 uniform means has expectation 5/6: the oracle of a 10-pull trial is 8.33
        assertEquals(5.0 / 6, tasks.stream().mapToDouble(Bandits.oracle()::optimalReturn).average().orElseThrow(), 0.01);
    }

    @Test
    void bernoulliPull_paysOneWithTheArmsProbability_andEndsTheEpisode() {
        BanditTask task = new BanditTask(new double[] {0.2, 0.7});
        Env<double[], Integer> env = Bandits.family(BanditConfig.bernoulli(2)).create(task);
        int ones = 0;
        for (int i = 0; i < 20000; i++) {
            env.reset(i);
            StepResult<double[]> r = env.step(1);
            assertTrue(r.terminated() && !r.truncated());
            assertTrue(r.reward() == 0 || r.reward() == 1);
            ones += (int) r.reward();
        }
        assertEquals(0.7, ones / 20000.0, 0.01);
    }

    @Test
    void gaussianPull_hasTheArmsMeanAndSigma() {
        BanditConfig config = new BanditConfig(2, BanditConfig.Rewards.GAUSSIAN, 0.5);
        Env<double[], Integer> env = Bandits.family(config).create(new BanditTask(new double[] {0.3, 0.9}));
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < 20000; i++) {
            env.reset(i);
            double r = env.step(0).reward();
            sum += r;
            sumSq += r * r;
        }
        assertEquals(0.3, sum / 20000, 0.01);
        assertEquals(0.25, sumSq / 20000 - (sum / 20000) * (sum / 20000), 0.01);
    }

    @Test
    void badInput_isNamed() {
        Env<double[], Integer> env = Bandits.family(BanditConfig.bernoulli(3)).create(new BanditTask(new double[] {
            0.1, 0.2, 0.3}));
        env.reset(1);
        var e = assertThrows(IllegalArgumentException.class, () -> env.step(3));
        assertTrue(e.getMessage().contains("3"), e.getMessage());
        assertEquals("arms must be >= 2, got 1", assertThrows(IllegalArgumentException.class,
                () -> BanditConfig.bernoulli(1)).getMessage());
        assertEquals("a Bernoulli arm's mean must be in [0, 1], got 1.5 for arm 1", assertThrows(
                IllegalArgumentException.class, () -> new BanditEnv(new BanditTask(new double[] {0.5, 1.5}),
                        BanditConfig.bernoulli(2))).getMessage());
    }
}
