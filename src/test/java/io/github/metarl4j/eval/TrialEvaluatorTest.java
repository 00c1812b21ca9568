package io.github.metarl4j.eval;

import org.nd4j.linalg.api.buffer.DataType;
import io.github.metarl4j.sampler.Sampler;
import io.github.metarl4j.sampler.LockstepSampler;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metarl4j.envs.bandit.BanditConfig;
import io.github.metarl4j.envs.bandit.BanditTask;
import io.github.metarl4j.envs.bandit.Bandits;
import io.github.metarl4j.random.SeedTree;
import io.github.metarl4j.sampler.TrialPolicy;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TrialEvaluatorTest {

    /** Trials run on the caller's thread. */
    private static final Sampler TRIAL_SAMPLER = new LockstepSampler(1, DataType.DOUBLE);

    private static final int TASKS = 3 * TrialEvaluator.CHUNK + 7;

    /** Always arm 0, drawing {@code extraDraws} random numbers per step that it ignores. */
    private static TrialPolicy armZero(int extraDraws) {
        return (trials, layout) -> (inputs, active, rng, actions) -> {
            for (int b = 0; b < trials; b++) {
                for (int k = 0; k < extraDraws; k++) {
                    rng.row(b).nextDouble();
                }
                actions[b] = 0;
            }
        };
    }

    @Test
    void totals_giveEveryTaskTheSameRewardDraws_howeverManyNumbersThePolicyDraws() {
        var family = Bandits.family(BanditConfig.bernoulli(5));
        List<BanditTask> tasks = family.tasks().test().sample(TASKS, SeedTree.root(4).child("tasks").generator());
        double[] quiet = TrialEvaluator.totals(TRIAL_SAMPLER, armZero(0), family, tasks, 10, SeedTree.root(4).child("play").generator());
        double[] noisy = TrialEvaluator.totals(TRIAL_SAMPLER, armZero(7), family, tasks, 10, SeedTree.root(4).child("play").generator());
        assertEquals(TASKS, quiet.length);
        assertArrayEquals(quiet, noisy, "the same arm on the same task sees the same rewards in every chunk");
        double[] other = TrialEvaluator.totals(TRIAL_SAMPLER, armZero(0), family, tasks, 10, SeedTree.root(5).child("play").generator());
        assertFalse(Arrays.equals(quiet, other), "another generator draws other rewards");
    }

    @Test
    void evaluate_reportsTheMeanOfTheTotals() {
        var family = Bandits.family(BanditConfig.bernoulli(5));
        List<BanditTask> tasks = family.tasks().test().sample(TASKS, SeedTree.root(4).child("tasks").generator());
        double[] totals = TrialEvaluator.totals(TRIAL_SAMPLER, armZero(1), family, tasks, 10, SeedTree.root(6).generator());
        TrialScore score = TrialEvaluator.evaluate(TRIAL_SAMPLER, "arm0", armZero(1), family, tasks, 10, Optional.of(Bandits.oracle()),
                SeedTree.root(6).generator());
        assertEquals(Arrays.stream(totals).average().orElseThrow(), score.total().mean(), 1e-12);
        assertEquals(TASKS, score.total().n());
    }

    @Test
    void paired_isTheTaskByTaskDifferenceOnTheSameRewardDraws() {
        var family = Bandits.family(BanditConfig.bernoulli(5));
        List<BanditTask> tasks = family.tasks().test().sample(40, SeedTree.root(4).child("tasks").generator());
        long seed = SeedTree.root(8).generator().nextLong();
        double[] zero = TrialEvaluator.totals(TRIAL_SAMPLER, armZero(0), family, tasks, 10, new SplittableRandom(seed));
        double[] one = TrialEvaluator.totals(TRIAL_SAMPLER, armOne(), family, tasks, 10, new SplittableRandom(seed));
        double[] naive = new double[tasks.size()];
        for (int i = 0; i < naive.length; i++) {
            naive[i] = zero[i] - one[i];
        }
        ConfidenceInterval d = TrialEvaluator.paired(TRIAL_SAMPLER, armZero(0), armOne(), family, tasks, 10,
                SeedTree.root(8).generator());
        ConfidenceInterval expected = ConfidenceInterval.of95(naive);
        assertEquals(expected.mean(), d.mean(), 1e-12);
        assertEquals(expected.halfWidth(), d.halfWidth(), 1e-12);
        assertEquals(40, d.n());
        assertTrue(d.halfWidth() > 0, "two arms differ on some tasks");

        ConfidenceInterval self = TrialEvaluator.paired(TRIAL_SAMPLER, armZero(0), armZero(3), family, tasks, 10,
                SeedTree.root(9).generator());
        assertEquals(0.0, self.mean(), 0.0, "the same arm on the same draws, however many numbers it draws");
        assertEquals(0.0, self.halfWidth(), 0.0);
        assertThrows(IllegalArgumentException.class, () -> TrialEvaluator.paired(TRIAL_SAMPLER, armZero(0), armOne(),
                family, tasks.subList(0, 1), 10, SeedTree.root(9).generator()));
    }

    /** Always arm 1. */
    private static TrialPolicy armOne() {
        return (trials, layout) -> (inputs, active, rng, actions) -> java.util.Arrays.fill(actions, 0, trials, 1);
    }
}
