package io.github.metarl4j.algo.rl2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.github.metarl4j.data.TrialBatch;
import io.github.metarl4j.sampler.TrialInputs;
import io.github.metarl4j.sampler.TrialPolicy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class Rl2InputsTest {

    private static final TrialInputs LAYOUT = new TrialInputs(2, 2);

    /** One trial of 3 steps on 2 states and 2 actions: s0, then a1 (reward 0.5) to s1, then a0 (reward -2, end). */
    private static final double[] ROWS = {
        1, 0, 0, 0, 0, 0,
        0, 1, 0, 1, 0.5, 0,
        1, 0, 1, 0, -2, 1,
    };

    @Test
    void pairs_appendThePreviousStateActionPairOneHotAndTimesTheReward_byHand() {
        TrialBatch batch = TrialBatch.of(3, 1, 6, ROWS, new int[] {1, 0, 1}, new double[] {0.5, -2, 1},
                new boolean[] {true, true, true}, new boolean[] {false, true, false});
        assertEquals(14, Rl2Inputs.PAIRS.width(LAYOUT));
        double[] wide = Rl2Inputs.PAIRS.widen(batch, LAYOUT).inputs();
        // pair index = state * 2 + action: (s0, a1) = 1, (s1, a0) = 2
        double[] expected = {
            1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            0, 1, 0, 1, 0.5, 0, 0, 1, 0, 0, 0, 0.5, 0, 0,
            1, 0, 1, 0, -2, 1, 0, 0, 1, 0, 0, 0, -2, 0,
        };
        assertArrayEquals(expected, wide, 0.0);
        assertSame(batch, Rl2Inputs.PAPER.widen(batch, LAYOUT));
        assertEquals(6, Rl2Inputs.PAPER.width(LAYOUT));
    }

    /** s0; a1 (reward 0.5) to s0; a1 (reward 1.5) to s1; a0 (reward -2, end) to s0: the pair (s0, a1) twice. */
    private static final double[] REVISITS = {
        1, 0, 0, 0, 0, 0,
        1, 0, 0, 1, 0.5, 0,
        0, 1, 0, 1, 1.5, 0,
        1, 0, 1, 0, -2, 1,
    };

    @Test
    void counts_appendTheCurrentStatesVisitCountsAndMeanRewards_byHand() {
        TrialBatch batch = TrialBatch.of(4, 1, 6, REVISITS, new int[4], new double[4],
                new boolean[] {true, true, true, true}, new boolean[4]);
        assertEquals(10, Rl2Inputs.COUNTS.width(LAYOUT));
        double[] wide = Rl2Inputs.COUNTS.widen(batch, LAYOUT).inputs();
        // [counts of a0, a1 in the current state | their mean rewards]
        double[] expected = {
            1, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            1, 0, 0, 1, 0.5, 0, 0, 1, 0, 0.5,
            0, 1, 0, 1, 1.5, 0, 0, 0, 0, 0,
            1, 0, 1, 0, -2, 1, 0, 2, 0, 1.0,
        };
        assertArrayEquals(expected, wide, 0.0);
    }

    @Test
    void previousState_appendsThePreviousObservation_byHand() {
        TrialBatch batch = TrialBatch.of(4, 1, 6, REVISITS, new int[4], new double[4],
                new boolean[] {true, true, true, true}, new boolean[4]);
        assertEquals(8, Rl2Inputs.PREVIOUS_STATE.width(LAYOUT));
        double[] expected = {
            1, 0, 0, 0, 0, 0, 0, 0,
            1, 0, 0, 1, 0.5, 0, 1, 0,
            0, 1, 0, 1, 1.5, 0, 1, 0,
            1, 0, 1, 0, -2, 1, 0, 1,
        };
        assertArrayEquals(expected, Rl2Inputs.PREVIOUS_STATE.widen(batch, LAYOUT).inputs(), 0.0);
    }

    @Test
    void wrappedPolicy_seesTheRowsThatWidenGives() {
        for (Rl2Inputs inputs : new Rl2Inputs[] {Rl2Inputs.PAIRS, Rl2Inputs.COUNTS, Rl2Inputs.PREVIOUS_STATE}) {
            int width = inputs.width(LAYOUT);
            List<double[]> seen = new ArrayList<>();
            TrialPolicy recorder = (trials, layout) -> {
                assertEquals(width, layout.width());
                return (rows, active, rng, actions) -> seen.add(rows.clone());
            };
            TrialPolicy.Actor actor = inputs.wrap(recorder).start(1, LAYOUT);
            for (int t = 0; t < 4; t++) {
                actor.act(Arrays.copyOfRange(REVISITS, 6 * t, 6 * t + 6), new boolean[] {true}, null, new int[1]);
            }
            TrialBatch batch = TrialBatch.of(4, 1, 6, REVISITS, new int[4], new double[4],
                    new boolean[] {true, true, true, true}, new boolean[4]);
            double[] wide = inputs.widen(batch, LAYOUT).inputs();
            for (int t = 0; t < 4; t++) {
                assertArrayEquals(Arrays.copyOfRange(wide, width * t, width * t + width), seen.get(t), 0.0,
                        inputs + " step " + t);
            }
        }
    }
}
