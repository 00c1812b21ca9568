package io.github.metarl4j.envs.gridworld;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metarl4j.task.TaskSplit;
import io.github.metarl4j.task.UniformTasks;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GridTasksTest {

    private static final GridMap ROOMS = GridMap.of("four-rooms");

    private static List<GridTask> support(TaskSplit<GridTask> split, TaskSplit.Part part) {
        return ((UniformTasks<GridTask>) split.get(part)).support();
    }

    @Test
    void namedRegions_onFourRooms_matchHandCountedCells() {
        assertEquals(19, Region.parse("left-half").cells(ROOMS).size());
        assertEquals(19, Region.parse("right-half").cells(ROOMS).size());
        assertEquals(List.of(new Cell(1, 1), new Cell(1, 7), new Cell(7, 1), new Cell(7, 7)),
                Region.parse("corners").cells(ROOMS));
        assertEquals(List.of(new Cell(7, 1)), Region.parse("bottom-left").cells(ROOMS));
        assertEquals(List.of(new Cell(2, 4), new Cell(6, 4)), Region.parse("cells:6,4; 2,4").cells(ROOMS));
    }

    @Test
    void startPoints_leftVsRight_isDisjointAndExcludesTheGoal() {
        TaskSplit<GridTask> split = GridTasks.startPoints(ROOMS, Region.parse("left-half"), Region.parse("right-half"));
        List<GridTask> train = support(split, TaskSplit.Part.TRAIN);
        List<GridTask> test = support(split, TaskSplit.Part.TEST);
        assertEquals(19, train.size());
        assertEquals(18, test.size()); // the goal (7, 7) is in the right half
        assertTrue(train.stream().allMatch(t -> t.start().col() < 4 && t.goal().equals(new Cell(7, 7))));
        assertTrue(test.stream().allMatch(t -> t.start().col() > 4));
        for (GridTask t : split.train().sample(200, new SplittableRandom(1))) {
            assertTrue(train.contains(t));
        }
    }

    @Test
    void goals_andStartsAndGoals_buildTheirSupports() {
        TaskSplit<GridTask> goals = GridTasks.goals(ROOMS, new Cell(7, 1), Region.parse("top-half"),
                Region.parse("bottom-half"));
        assertEquals(4 * 3 + 3 * 2 + 1 /* row 2 door */, support(goals, TaskSplit.Part.TRAIN).size());
        assertTrue(support(goals, TaskSplit.Part.TEST).stream().noneMatch(t -> t.goal().equals(new Cell(7, 1))));
        TaskSplit<GridTask> both = GridTasks.startsAndGoals(ROOMS, Region.parse("corners"),
                Region.parse("cells:2,4;6,4"));
        assertEquals(12, support(both, TaskSplit.Part.TRAIN).size());
        assertEquals(2, support(both, TaskSplit.Part.TEST).size());
    }

    @Test
    void overlappingRegions_areRejectedNamingCells() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> GridTasks.startPoints(ROOMS, Region.parse("left-half"), Region.parse("bottom-left")));
        assertEquals("train region 'left-half' and test region 'bottom-left' must be disjoint, but share 1 cells: "
                + "[(7, 1)]", e.getMessage());
    }

    @Test
    void emptyRegions_areRejected() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> GridTasks.startPoints(ROOMS, Region.parse("cells:7,7"), Region.parse("left-half")));
        assertEquals("train region 'cells:7,7' has no free start cells", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> GridTasks.startPoints(ROOMS, Region.parse("left-half"), Region.parse("bottom-right")));
        assertEquals("test region 'bottom-right' has no free start cells", e.getMessage());
    }

    @Test
    void unreachableStart_isRejected() {
        GridMap walled = GridMap.parse("""
                ...#.
                ...#.
                ..G#.""");
        var e = assertThrows(IllegalArgumentException.class,
                () -> GridTasks.startPoints(walled, Region.parse("left-half"), Region.parse("right-half")));
        assertEquals("start (0, 4) cannot reach the goal (2, 2)", e.getMessage());
    }

    @Test
    void mapWithoutGoal_isRejectedForStartPoints() {
        var e = assertThrows(IllegalArgumentException.class, () -> GridTasks.startPoints(GridMap.parse("....\n...."),
                Region.parse("left-half"), Region.parse("right-half")));
        assertEquals("map has no goal 'G'; StartPoints needs a fixed goal (mark it 'G' or pass the goal cell)",
                e.getMessage());
    }

    @Test
    void badRegionStrings_areRejected() {
        assertEquals("unknown region 'middle'; expected one of [all, left-half, right-half, top-half, bottom-half, "
                + "corners, top-left, top-right, bottom-left, bottom-right] or 'cells:r,c;r,c;...'",
                assertThrows(IllegalArgumentException.class, () -> Region.parse("middle")).getMessage());
        assertEquals("region cell '1' in 'cells:1;2,2' must be 'row,col' with integers",
                assertThrows(IllegalArgumentException.class, () -> Region.parse("cells:1;2,2")).getMessage());
        assertEquals("region cell must be a free cell of the map, got (0, 0), a wall",
                assertThrows(IllegalArgumentException.class,
                        () -> Region.parse("cells:0,0").cells(ROOMS)).getMessage());
        assertEquals("goal must be a free cell of the map, got (9, 9), outside the 9x9 map",
                assertThrows(IllegalArgumentException.class, () -> GridTasks.startPoints(ROOMS, new Cell(9, 9),
                        Region.parse("left-half"), Region.parse("right-half"))).getMessage());
    }
}
