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
        TrialBatch batch = new TrialBatch(4, 2, 1, new double[8], new int[8], rewards, mask, ends);
        double[][] returns = batch.episodeReturns(3);
        assertArrayEquals(new double[] {3, 3, 4}, returns[0], 0);
        assertArrayEquals(new double[] {60, 0, 0}, returns[1], 0, "fewer episodes than asked: zeros after");
        assertArrayEquals(new double[] {10, 60}, batch.trialReturns(), 0, "the episodes sum to the trial");
    }
}
