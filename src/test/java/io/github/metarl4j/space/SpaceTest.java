package io.github.metarl4j.space;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SpaceTest {

    @Test
    void discrete_containsOnlyItsIndices() {
        Discrete d = new Discrete(4);
        assertTrue(d.contains(0));
        assertTrue(d.contains(3));
        assertFalse(d.contains(4));
        assertFalse(d.contains(-1));
        assertFalse(d.contains(null));
    }

    @Test
    void discrete_roundTripsThroughFlatEncoding() {
        Discrete d = new Discrete(5);
        double[] buf = new double[3];
        d.write(4, buf, 2);
        assertEquals(4, d.read(buf, 2));
    }

    @Test
    void discrete_readOfFractionalOrOutOfRange_isRejected() {
        Discrete d = new Discrete(4);
        var e = assertThrows(IllegalArgumentException.class, () -> d.read(new double[] {1.5}, 0));
        assertEquals("discrete value must be an integer in [0, 4), got 1.5", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> d.read(new double[] {4}, 0));
        assertEquals("discrete value must be an integer in [0, 4), got 4.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> d.checked(7));
        assertEquals("action must be an integer in [0, 4), got 7", e.getMessage());
    }

    @Test
    void discrete_nonPositiveSize_isRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Discrete(0));
        assertEquals("Discrete size n must be >= 1, got 0", e.getMessage());
    }

    @Test
    void box_containsChecksBoundsFinitenessAndLength() {
        Box b = Box.of(-1, 1, 2);
        assertTrue(b.contains(new double[] {1, -1}));
        assertFalse(b.contains(new double[] {1.01, 0}));
        assertFalse(b.contains(new double[] {Double.NaN, 0}));
        assertFalse(b.contains(new double[] {0}));
        assertFalse(Box.unbounded(1).contains(new double[] {Double.POSITIVE_INFINITY}));
        assertTrue(Box.unbounded(1).contains(new double[] {1e300}));
    }

    @Test
    void box_samplesInsideItsBounds() {
        Box b = new Box(new double[] {0, -3}, new double[] {1, -2});
        SplittableRandom rng = new SplittableRandom(1);
        for (int i = 0; i < 1000; i++) {
            assertTrue(b.contains(b.sample(rng)));
        }
    }

    @Test
    void box_writeOfWrongLength_namesBothLengths() {
        Box b = Box.of(0, 1, 3);
        var e = assertThrows(IllegalArgumentException.class, () -> b.write(new double[2], new double[3], 0));
        assertEquals("value must be a double[3], got double[2]", e.getMessage());
        double[] out = new double[4];
        b.write(new double[] {0.1, 0.2, 0.3}, out, 1);
        assertArrayEquals(new double[] {0, 0.1, 0.2, 0.3}, out);
    }

    @Test
    void box_checkFinite_namesTheCoordinate() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Box.of(0, 1, 2).checkFinite(new double[] {0, Double.NaN}, "action"));
        assertEquals("action[1] must be finite, got NaN", e.getMessage());
    }

    @Test
    void box_invertedBounds_areRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Box(new double[] {1}, new double[] {0}));
        assertEquals("Box bound low[0] must be <= high[0], got 1.0 and 0.0", e.getMessage());
    }
}
