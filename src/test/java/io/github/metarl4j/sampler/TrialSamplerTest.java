package io.github.metarl4j.sampler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metarl4j.data.TrialBatch;
import io.github.metarl4j.env.TaskFamily;
import io.github.metarl4j.envs.bandit.BanditConfig;
import io.github.metarl4j.envs.bandit.BanditTask;
import io.github.metarl4j.envs.bandit.Bandits;
import io.github.metarl4j.envs.tabular.RandomMdps;
import io.github.metarl4j.envs.tabular.TabularMdp;
import io.github.metarl4j.envs.tabular.TabularMdpConfig;
import io.github.metarl4j.eval.agents.RandomAgent;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;

class TrialSamplerTest {

    /** One thread: the reference every thread count must reproduce. */
    private static final LockstepSampler ONE_THREAD = new LockstepSampler(1, DataType.DOUBLE);

    private static final TaskFamily<TabularMdp, double[], Integer> MDP = RandomMdps.family(new TabularMdpConfig(4, 3,
            5));

    @Test
    void everyInputRow_holdsTheObservationAndThePreviousActionRewardAndFlag() {
        List<TabularMdp> tasks = MDP.tasks().train().sample(3, new SplittableRandom(1));
        TrialBatch batch = ONE_THREAD.sampleTrials(MDP, tasks, 4, new RandomAgent(), new SplittableRandom(2));
        TrialInputs layout = new TrialInputs(4, 3);
        assertEquals(20, batch.steps(), "4 episodes of 5 steps");
        assertEquals(9, batch.width());
        for (int b = 0; b < 3; b++) {
            for (int t = 0; t < 20; t++) {
                int row = t * 3 + b;
                double[] in = batch.inputs();
                assertTrue(batch.mask()[row]);
                assertEquals(t % 5 == 4, batch.episodeEnds()[row], "the time limit ends every fifth step");
                if (t == 0) {
                    assertTrue(layout.previousAction(in, row).isEmpty(), "nothing before a trial's first step");
                    assertEquals(0.0, layout.previousReward(in, row));
                    assertFalse(layout.previousEnded(in, row));
                } else {
                    int before = (t - 1) * 3 + b;
                    assertEquals(batch.actions()[before], layout.previousAction(in, row).getAsInt());
                    assertEquals(batch.rewards()[before], layout.previousReward(in, row));
                    assertEquals(batch.episodeEnds()[before], layout.previousEnded(in, row));
                }
                if (t % 5 == 0) {
                    assertEquals(0, layout.observedIndex(in, row), "every episode starts in state 0");
                }
                double hot = 0;
                for (int s = 0; s < 4; s++) {
                    hot += in[row * 9 + s];
                }
                assertEquals(1.0, hot, "one-hot observation");
            }
        }
    }

    /** Counts how often its memory was started and checks that it sees every step of its trials. */
    private static final class CountingPolicy implements TrialPolicy {
        int starts;
        final List<Integer> stepsSeen = new ArrayList<>();

        @Override
        public Actor start(int trials, TrialInputs layout) {
            starts++;
            int[] seen = new int[trials];
            stepsSeen.clear();
            return (inputs, active, rng, actions) -> {
                for (int b = 0; b < trials; b++) {
                    if (active[b]) {
                        seen[b]++;
                        actions[b] = b % layout.actions();
                    }
                }
                stepsSeen.add(seen[0]);
            };
        }
    }

    @Test
    void memory_isStartedOncePerTrialBatch_andCarriedAcrossEpisodes() {
        var family = Bandits.family(BanditConfig.bernoulli(3));
        List<BanditTask> tasks = family.tasks().train().sample(5, new SplittableRandom(4));
        CountingPolicy policy = new CountingPolicy();
        TrialBatch batch = ONE_THREAD.sampleTrials(family, tasks, 7, policy, new SplittableRandom(5));
        assertEquals(1, policy.starts, "no reset at episode boundaries");
        assertEquals(7, batch.steps());
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7), policy.stepsSeen);
        for (int t = 0; t < 7; t++) {
            assertTrue(batch.episodeEnds()[t * 5], "every bandit pull ends its episode");
        }
        ONE_THREAD.sampleTrials(family, tasks, 7, policy, new SplittableRandom(5));
        assertEquals(2, policy.starts, "a new batch of trials starts fresh memory");
    }

    @ParameterizedTest(name = "{0} threads")
    @ValueSource(ints = {1, 2, 3, 8})
    void sameSeeds_giveTheSameTrials_bitForBit_forAnyThreadCount(int threads) {
        List<TabularMdp> tasks = MDP.tasks().train().sample(7, new SplittableRandom(6));
        TrialBatch a = ONE_THREAD.sampleTrials(MDP, tasks, 3, new RandomAgent(), new SplittableRandom(7));
        TrialBatch b;
        try (LockstepSampler sampler = new LockstepSampler(threads, DataType.DOUBLE)) {
            b = sampler.sampleTrials(MDP, tasks, 3, new RandomAgent(), new SplittableRandom(7));
        }
        assertEquals(a.steps(), b.steps());
        assertArrayEquals(a.inputs(), b.inputs());
        assertArrayEquals(a.rewards(), b.rewards());
        assertArrayEquals(a.actions(), b.actions());
        assertArrayEquals(a.mask(), b.mask());
        assertArrayEquals(a.episodeEnds(), b.episodeEnds());
    }

    @Test
    void badArguments_areRefusedNamingTheValue() {
        List<TabularMdp> tasks = MDP.tasks().train().sample(2, new SplittableRandom(6));
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> ONE_THREAD.sampleTrials(MDP, List.of(), 3, new RandomAgent(), new SplittableRandom(7)));
        assertTrue(none.getMessage().contains("non-empty"), none.getMessage());
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> ONE_THREAD.sampleTrials(MDP, tasks, 0, new RandomAgent(), new SplittableRandom(7)));
        assertTrue(zero.getMessage().contains("got 0"), zero.getMessage());
    }

    @Test
    void trialReturns_sumTheRewardsOfEachTrial() {
        List<TabularMdp> tasks = MDP.tasks().train().sample(2, new SplittableRandom(8));
        TrialBatch batch = ONE_THREAD.sampleTrials(MDP, tasks, 2, new RandomAgent(), new SplittableRandom(9));
        double[] naive = new double[2];
        for (int t = 0; t < batch.steps(); t++) {
            for (int b = 0; b < 2; b++) {
                naive[b] += batch.rewards()[t * 2 + b];
            }
        }
        assertArrayEquals(naive, batch.trialReturns(), 0);
        assertEquals(20, batch.totalSteps());
    }
}
