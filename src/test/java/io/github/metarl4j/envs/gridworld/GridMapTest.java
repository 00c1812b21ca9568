package io.github.metarl4j.envs.gridworld;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class GridMapTest {

    @Test
    void namedMaps_haveTheirSizesGoalsAndFreeCells() {
        GridMap open = GridMap.of("open-8x8");
        assertEquals(64, open.freeCells().size());
        assertEquals(Optional.of(new Cell(0, 7)), open.goal());
        GridMap rooms = GridMap.of("four-rooms");
        assertEquals(9, rooms.rows());
        assertEquals(40, rooms.freeCells().size()); // 4 rooms of 3x3 + 4 doors
        assertEquals(Optional.of(new Cell(7, 7)), rooms.goal());
        GridMap door = GridMap.of("door-7x7");
        assertEquals(49 - 6, door.freeCells().size());
        assertTrue(door.isFree(new Cell(3, 3)));
        assertFalse(door.isFree(new Cell(3, 2)));
    }

    @Test
    void ascii_roundTripsToAnEqualMap() {
        for (String name : GridMap.NAMED.keySet()) {
            GridMap m = GridMap.of(name);
            assertEquals(m, GridMap.parse(m.ascii()));
            assertEquals(GridMap.NAMED.get(name), m.ascii());
        }
    }

    @Test
    void indentedRows_areAccepted() {
        GridMap m = GridMap.parse("\n   ..G\n   #..\n");
        assertEquals(2, m.rows());
        assertEquals(3, m.cols());
    }

    @Test
    void raggedRows_areRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> GridMap.parse("...\n..\n..G"));
        assertEquals("map rows must all have the same length: row 1 has 2 characters, expected 3 (ragged map)",
                e.getMessage());
    }

    @Test
    void unknownCharacter_isRejectedWithItsPosition() {
        var e = assertThrows(IllegalArgumentException.class, () -> GridMap.parse("..G\n.x."));
        assertEquals("map character 'x' at row 1, col 1 is unknown; expected '#' (wall), '.' (free) or 'G' (goal)",
                e.getMessage());
    }

    @Test
    void twoGoals_areRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> GridMap.parse("G.G"));
        assertEquals("map has more than one goal 'G': at (0, 0) and (0, 2)", e.getMessage());
    }

    @Test
    void emptyMapAndUnknownName_areRejected() {
        assertEquals("map must have at least one row, got an empty map",
                assertThrows(IllegalArgumentException.class, () -> GridMap.parse("  \n ")).getMessage());
        assertEquals("unknown map name 'five-rooms'; expected one of [door-7x7, four-rooms, open-8x8] or an ASCII "
                + "map of '#', '.', 'G'", assertThrows(IllegalArgumentException.class,
                        () -> GridMap.of("five-rooms")).getMessage());
    }

    @Test
    void distancesFrom_matchesHandCountedPaths() {
        GridMap rooms = GridMap.of("four-rooms");
        int[] d = rooms.distancesFrom(new Cell(7, 7));
        assertEquals(8, d[rooms.index(new Cell(7, 1))]);
        assertEquals(12, d[rooms.index(new Cell(1, 1))]);
        assertEquals(-1, d[rooms.index(new Cell(0, 0))]);
    }
}
