package io.github.metarl4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class TrialBatchTest {

    @Test
    void episodeReturns_splitEachTrialAtItsEpisodeEnds() {
        // T = 4, B = 2. Trial 0: episodes of 2, 1 and 1 steps. Trial 1: one 3-step episode, then padding.
        double[] rewards = {1, 10, 2, 20, 3, 30, 4, 99};
        boolean[] mask = {true, true, true, true, true, true, true, false};
        boolean[] ends = {false, false, true, false, true, true, true, false};
        TrialBatch batch = TrialBatch.of(4, 2, 1, new double[8], new int[8], rewards, mask, ends);
        double[][] returns = batch.episodeReturns(3);
        assertArrayEquals(new double[] {3, 3, 4}, returns[0], 0);
        assertArrayEquals(new double[] {60, 0, 0}, returns[1], 0, "fewer episodes than asked: zeros after");
        assertArrayEquals(new double[] {10, 60}, batch.trialReturns(), 0, "the episodes sum to the trial");
    }

    @Test
    void trials_areAnEpisodeBatch_withOneColumnPerTrial() {
        double[] rewards = {1, 10, 2, 20, 3, 30, 4, 99};
        boolean[] mask = {true, true, true, true, true, true, true, false};
        boolean[] ends = {false, false, true, false, true, true, true, false};
        double[] inputs = {0.5, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 0};
        int[] actions = {1, 0, 2, 1, 0, 2, 1, 0};
        TrialBatch batch = TrialBatch.of(4, 2, 1, inputs, actions, rewards, mask, ends);
        EpisodeBatch columns = batch.episodes();
        org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {4, 3}, columns.lengths());
        org.junit.jupiter.api.Assertions.assertArrayEquals(inputs, HostArrays.read(columns.observations()), 0);
        org.junit.jupiter.api.Assertions.assertArrayEquals(actions, batch.actions());
        org.junit.jupiter.api.Assertions.assertArrayEquals(columns.episodeReturns(), batch.trialReturns(), 0);
        org.junit.jupiter.api.Assertions.assertEquals(7, batch.totalSteps());
        EpisodeBatch floats = EpisodeBatch.fromArrays(inputs, new double[8], rewards, 4, 2, 1, 1, new int[] {4, 3},
                new boolean[2], new int[2], org.nd4j.linalg.api.buffer.DataType.FLOAT);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new TrialBatch(floats, ends));
    }
}
