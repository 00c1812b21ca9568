package io.github.metarl4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

class EpisodeBatchTest {

    /** T = 3, B = 2: column 0 runs 3 steps, column 1 runs 1 step. */
    private static EpisodeBatch small() {
        double[] obs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}; // [3, 2, 2]
        double[] act = {0, 1, 1, 0, 2, 0};                      // [3, 2, 1]
        double[] rew = {0.5, -1, 1.5, 0, 2, 0};                 // [3, 2]
        return EpisodeBatch.fromArrays(obs, act, rew, 3, 2, 2, 1, new int[] {3, 1}, new boolean[] {true, false},
                new int[] {0, 1}, DataType.DOUBLE);
    }

    @Test
    void fromArrays_buildsShapesAndMaskFromLengths() {
        EpisodeBatch b = small();
        assertArrayEquals(new long[] {3, 2, 2}, b.observations().shape());
        assertArrayEquals(new long[] {3, 2, 1}, b.actions().shape());
        assertArrayEquals(new double[] {1, 1, 1, 0, 1, 0}, b.mask().dup('c').data().asDouble());
        assertEquals(3, b.steps());
        assertEquals(2, b.episodes());
        assertEquals(2, b.numTasks());
    }

    @Test
    void episodeReturns_sumValidRewardsOnly() {
        // column 0: 0.5 + 1.5 + 2 = 4; column 1: -1 (padding ignored)
        assertArrayEquals(new double[] {4.0, -1.0}, small().episodeReturns(), 0);
        assertArrayEquals(new double[] {4.0, -1.0}, small().meanReturnPerTask(), 0);
    }

    @Test
    void meanReturnPerTask_averagesColumnsOfATask() {
        EpisodeBatch b = EpisodeBatch.fromArrays(new double[4], new double[4], new double[] {1, 3, 5, 7}, 1, 4, 1,
                1, new int[] {1, 1, 1, 1}, new boolean[4], new int[] {0, 0, 1, 1}, DataType.DOUBLE);
        assertArrayEquals(new double[] {2, 6}, b.meanReturnPerTask(), 0);
    }

    @Test
    void maskInconsistentWithLengths_isRejected() {
        EpisodeBatch b = small();
        var mask = Nd4j.ones(DataType.DOUBLE, 3, 2);
        var e = assertThrows(IllegalArgumentException.class, () -> new EpisodeBatch(b.observations(), b.actions(),
                b.rewards(), mask, b.lengths(), b.terminated(), b.taskIndex()));
        assertEquals("mask[1, 1] must be 0.0 for an episode of length 1, got 1.0", e.getMessage());
    }

    @Test
    void badShapes_areRejectedNamingTheArray() {
        EpisodeBatch b = small();
        var e = assertThrows(IllegalArgumentException.class, () -> new EpisodeBatch(b.observations(),
                b.actions(), Nd4j.zeros(DataType.DOUBLE, 3, 3), b.mask(), b.lengths(), b.terminated(), b.taskIndex()));
        assertEquals("rewards must have shape [3, 2], got [3, 3]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new EpisodeBatch(Nd4j.zeros(DataType.DOUBLE, 3, 2),
                b.actions(), b.rewards(), b.mask(), b.lengths(), b.terminated(), b.taskIndex()));
        assertEquals("observations must be an array of rank 3, got [3, 2]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new EpisodeBatch(b.observations(), b.actions(),
                b.rewards(), b.mask(), new int[] {3}, b.terminated(), b.taskIndex()));
        assertEquals("lengths must have length B = 2, got 1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new EpisodeBatch(b.observations(), b.actions(),
                b.rewards(), b.mask(), new int[] {4, 1}, b.terminated(), b.taskIndex()));
        assertEquals("lengths[0] must be in [1, 3], got 4", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new EpisodeBatch(b.observations(),
                b.actions().castTo(DataType.FLOAT), b.rewards(), b.mask(), b.lengths(), b.terminated(), b.taskIndex()));
        assertEquals("all arrays must share the observations' data type DOUBLE, got FLOAT", e.getMessage());
    }

    @Test
    void accessors_returnCopies() {
        EpisodeBatch b = small();
        b.lengths()[0] = 99;
        assertEquals(3, b.lengths()[0]);
    }
}
