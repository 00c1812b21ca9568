package io.github.metarl4j.envs.gridworld;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metarl4j.task.TaskSplit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GridTasksTest {

    private static final GridMap ROOMS = GridMap.of("four-rooms");
    private static final RegionSplit FIXED_GOAL = RegionSplit.same(Region.parse("goal"));

    private static List<GridTask> support(TaskSplit<GridTask> split, TaskSplit.Part part) {
        return split.get(part).support().orElseThrow();
    }

    @Test
    void namedRegions_onFourRooms_matchHandCountedCells() {
        assertEquals(19, Region.parse("left-half").cells(ROOMS).size());
        assertEquals(19, Region.parse("right-half").cells(ROOMS).size());
        assertEquals(List.of(new Cell(1, 1), new Cell(1, 7), new Cell(7, 1), new Cell(7, 7)),
                Region.parse("corners").cells(ROOMS));
        assertEquals(List.of(new Cell(7, 1)), Region.parse("bottom-left").cells(ROOMS));
        assertEquals(List.of(new Cell(2, 4), new Cell(6, 4)), Region.parse("cells:6,4; 2,4").cells(ROOMS));
        assertEquals(List.of(new Cell(7, 7)), Region.parse("goal").cells(ROOMS));
    }

    @Test
    void quadrants_onFourRooms_areTheRooms() {
        List<Cell> topLeft = Region.parse("top-left-quadrant").cells(ROOMS);
        assertEquals(9, topLeft.size());
        assertTrue(topLeft.stream().allMatch(c -> c.row() >= 1 && c.row() <= 3 && c.col() >= 1 && c.col() <= 3));
        for (String q : List.of("top-right-quadrant", "bottom-left-quadrant", "bottom-right-quadrant")) {
            assertEquals(9, Region.parse(q).cells(ROOMS).size(), q);
        }
    }

    @Test
    void difference_removesTheCellsOfEachLaterRegion_andPrintsAsParsed() {
        Region r = Region.parse("all - top-left-quadrant - cells:2,4;4,2");
        List<Cell> cells = r.cells(ROOMS);
        assertEquals(ROOMS.freeCells().size() - 9 - 2, cells.size());
        assertTrue(cells.stream().noneMatch(c -> c.row() <= 3 && c.col() <= 3));
        assertEquals("all - top-left-quadrant - cells:2,4;4,2", r.text());
        assertEquals(r, Region.parse(r.text()));
    }

    @Test
    void fixedGoal_startsInThreeDisjointRegions_excludeTheGoal() {
        TaskSplit<GridTask> split = GridTasks.of(ROOMS, RegionSplit.of("left-half", "top-right-quadrant",
                "bottom-right-quadrant"), FIXED_GOAL);
        List<GridTask> train = support(split, TaskSplit.Part.TRAIN);
        List<GridTask> test = support(split, TaskSplit.Part.TEST);
        assertEquals(19, train.size());
        assertEquals(9, support(split, TaskSplit.Part.VALIDATION).size());
        assertEquals(8, test.size()); // the goal (7, 7) is in the bottom-right room
        assertTrue(train.stream().allMatch(t -> t.start().col() < 4 && t.goal().equals(new Cell(7, 7))));
        for (GridTask t : split.train().sample(200, new SplittableRandom(1))) {
            assertTrue(train.contains(t));
        }
    }

    @Test
    void hiddenGoals_sameStart_disjointGoalCells() {
        TaskSplit<GridTask> split = GridTasks.of(ROOMS, RegionSplit.same(Region.parse("top-left")),
                RegionSplit.of("bottom-half - cells:7,7;5,5", "cells:5,5", "cells:7,7"));
        assertEquals(19 - 2, support(split, TaskSplit.Part.TRAIN).size());
        assertEquals(List.of(new GridTask(new Cell(1, 1), new Cell(5, 5))), support(split, TaskSplit.Part.VALIDATION));
        assertEquals(List.of(new GridTask(new Cell(1, 1), new Cell(7, 7))), support(split, TaskSplit.Part.TEST));
    }

    @Test
    void distinctHeldOutTasks_neverRepeat_andUseASmallSetWhole() {
        TaskSplit<GridTask> split = GridTasks.of(ROOMS, RegionSplit.of("left-half", "top-right-quadrant",
                "bottom-right-quadrant"), FIXED_GOAL);
        List<GridTask> five = split.test().distinct(5, new SplittableRandom(3));
        assertEquals(5, new HashSet<>(five).size());
        List<GridTask> all = split.test().distinct(50, new SplittableRandom(3));
        assertEquals(Set.copyOf(support(split, TaskSplit.Part.TEST)), Set.copyOf(all));
        assertEquals(8, all.size());
    }

    @Test
    void overlappingSets_areRejectedNamingTasks() {
        var e = assertThrows(IllegalArgumentException.class, () -> GridTasks.of(ROOMS,
                RegionSplit.of("left-half", "top-right-quadrant", "bottom-left"), FIXED_GOAL));
        assertEquals("train and test tasks must be disjoint, but share 1: [GridTask[start=(7, 1), goal=(7, 7)]]",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GridTasks.of(ROOMS, RegionSplit.same(
                Region.parse("top-left")), RegionSplit.of("bottom-half", "cells:5,5", "cells:7,7")));
        assertEquals("train and validation tasks must be disjoint, but share 1: [GridTask[start=(1, 1), goal=(5, 5)]]",
                e.getMessage());
    }

    @Test
    void emptyRegions_areRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> GridTasks.of(ROOMS,
                RegionSplit.of("left-half - left-half", "top-right-quadrant", "bottom-right-quadrant"), FIXED_GOAL));
        assertEquals("train start region 'left-half - left-half' has no free cells", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GridTasks.of(ROOMS,
                RegionSplit.of("left-half", "top-right-quadrant", "goal"), FIXED_GOAL));
        assertEquals("test start region 'goal' and goal region 'goal' give no task: the only start is the only goal, "
                + "[(7, 7)]", e.getMessage());
    }

    @Test
    void unreachableStart_isRejected() {
        GridMap walled = GridMap.parse("""
                ...#.
                ...#.
                ..G#.""");
        var e = assertThrows(IllegalArgumentException.class, () -> GridTasks.of(walled,
                RegionSplit.of("left-half", "cells:2,1", "right-half"), RegionSplit.same(Region.parse("goal"))));
        assertEquals("start (0, 4) cannot reach the goal (2, 2)", e.getMessage());
    }

    @Test
    void mapWithoutGoal_isRejectedForTheGoalRegion() {
        var e = assertThrows(IllegalArgumentException.class, () -> GridTasks.of(GridMap.parse("....\n...."),
                RegionSplit.of("left-half", "cells:0,2", "cells:1,3"), FIXED_GOAL));
        assertEquals("region 'goal' needs a map with a goal 'G'", e.getMessage());
    }

    @Test
    void badRegionStrings_areRejected() {
        assertEquals("unknown region 'middle'; expected one of [all, left-half, right-half, top-half, bottom-half, "
                + "top-left-quadrant, top-right-quadrant, bottom-left-quadrant, bottom-right-quadrant, corners, "
                + "top-left, top-right, bottom-left, bottom-right, goal], 'cells:r,c;r,c;...' or 'A - B'",
                assertThrows(IllegalArgumentException.class, () -> Region.parse("middle")).getMessage());
        assertEquals("region cell '1' in 'cells:1;2,2' must be 'row,col' with integers",
                assertThrows(IllegalArgumentException.class, () -> Region.parse("cells:1;2,2")).getMessage());
        assertEquals("region cell must be a free cell of the map, got (0, 0), a wall",
                assertThrows(IllegalArgumentException.class,
                        () -> Region.parse("cells:0,0").cells(ROOMS)).getMessage());
    }
}
