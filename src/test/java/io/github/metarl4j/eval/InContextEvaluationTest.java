package io.github.metarl4j.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.metarl4j.algo.InContextPolicy;
import io.github.metarl4j.envs.bandit.BanditConfig;
import io.github.metarl4j.envs.bandit.BanditTask;
import io.github.metarl4j.envs.bandit.Bandits;
import io.github.metarl4j.envs.navigation.Navigation2D;
import io.github.metarl4j.random.SeedTree;
import io.github.metarl4j.sampler.LockstepSampler;
import io.github.metarl4j.sampler.TrialPolicy;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/** {@link MetaEvaluator} on an in-context policy: point k is the return of episode k of a trial. */
class InContextEvaluationTest {

    /** Pulls arm k at the k-th pull of each trial, counting the episode-end flags it is given. */
    private static final TrialPolicy ARM_BY_EPISODE = (trials, layout) -> {
        int[] episode = new int[trials];
        boolean[] started = new boolean[trials];
        return (inputs, active, rng, actions) -> {
            for (int b = 0; b < trials; b++) {
                if (started[b] && inputs[b * layout.width() + layout.flagOffset()] == 1) {
                    episode[b]++;
                }
                started[b] = true;
                actions[b] = episode[b] % layout.actions();
            }
        };
    };

    @Test
    void pointK_isTheReturnOfEpisodeK_averagedOverTrialsPerTask() {
        // Gaussian arms with a tiny sigma pay their means: the curve is known by hand
        var family = Bandits.family(new BanditConfig(3, BanditConfig.Rewards.GAUSSIAN, 1e-12));
        List<BanditTask> tasks = List.of(new BanditTask(new double[] {0.1, 0.5, 0.9}),
                new BanditTask(new double[] {0.3, 0.2, 0.7}));
        try (LockstepSampler sampler = new LockstepSampler(1, DataType.DOUBLE)) {
            AdaptationCurve c = new MetaEvaluator(4, 2).evaluate("arm-k", new InContextPolicy(ARM_BY_EPISODE), family,
                    tasks, Optional.of(Bandits.oracle()), sampler, SeedTree.root(1));
            double[][] expected = {{0.1, 0.3}, {0.5, 0.2}, {0.9, 0.7}, {0.1, 0.3}, {0.5, 0.2}};
            assertEquals(4, c.steps());
            for (int k = 0; k <= 4; k++) {
                assertArrayEquals(expected[k], c.perTask()[k], 1e-9, "k = " + k);
                assertEquals((expected[k][0] + expected[k][1]) / 2, c.returns().get(k).mean(), 1e-9);
                assertEquals((expected[k][0] / 0.9 + expected[k][1] / 0.7) / 2, c.fractionOfOptimal().get(k).mean(),
                        1e-9);
            }
            assertEquals((2.1 + 1.7) / 2, c.total().mean(), 1e-9, "total reward of a trial, averaged over tasks");
        }
    }

    @Test
    void continuousActions_areRejectedNamingTheSpace() {
        var family = Navigation2D.family();
        var tasks = family.tasks().test().sample(2, SeedTree.root(1).generator());
        try (LockstepSampler sampler = new LockstepSampler(1, DataType.DOUBLE)) {
            var e = assertThrows(IllegalArgumentException.class, () -> new MetaEvaluator(1, 1).evaluate("x",
                    new InContextPolicy(ARM_BY_EPISODE), family, tasks, Optional.empty(), sampler, SeedTree.root(1)));
            assertEquals("trials need a discrete action space, got " + family.spec().actionSpace(), e.getMessage());
        }
    }
}
