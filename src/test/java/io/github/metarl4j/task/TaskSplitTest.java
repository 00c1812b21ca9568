package io.github.metarl4j.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TaskSplitTest {

    record Id(int id) implements Task {
    }

    private static UniformTasks<Id> of(int... ids) {
        return new UniformTasks<>(java.util.Arrays.stream(ids).mapToObj(Id::new).toList());
    }

    @Test
    void trainingTasksAmongHeldOutOnes_areRejectedNamingThem() {
        assertEquals("train and validation tasks must be disjoint, but share 1: [Id[id=2]]",
                assertThrows(IllegalArgumentException.class, () -> new TaskSplit<>(of(1, 2), of(2, 3), of(4)))
                        .getMessage());
        assertEquals("train and test tasks must be disjoint, but share 2: [Id[id=1], Id[id=2]]",
                assertThrows(IllegalArgumentException.class, () -> new TaskSplit<>(of(1, 2), of(3), of(1, 2)))
                        .getMessage());
    }

    @Test
    void validationSharedWithTest_isRejectedWhenSettingsAreChosenOnIt() {
        TaskSplit<Id> split = new TaskSplit<>(of(1), of(2, 3), of(3, 4));
        assertEquals("validation and test tasks must be disjoint, but share 1: [Id[id=3]]",
                assertThrows(IllegalArgumentException.class, split::requireDisjointValidation).getMessage());
        new TaskSplit<>(of(1), of(2), of(3)).requireDisjointValidation();
    }

    @Test
    void aFiniteDistribution_cannotBeItsOwnHeldOutSet() {
        assertEquals("a distribution over 2 tasks cannot be its own held-out set; give disjoint train, validation and "
                + "test tasks", assertThrows(IllegalArgumentException.class, () -> TaskSplit.of(of(1, 2))).getMessage());
        TaskDistribution<Id> continuum = (n, rng) -> java.util.stream.IntStream.range(0, n)
                .mapToObj(i -> new Id(rng.nextInt())).toList();
        TaskSplit<Id> split = TaskSplit.of(continuum);
        assertEquals(continuum, split.test());
    }

    @Test
    void uniformTasks_rejectRepeatedTasks() {
        assertEquals("a uniform task distribution lists each task once, got [Id[id=1], Id[id=1]]",
                assertThrows(IllegalArgumentException.class, () -> of(1, 1)).getMessage());
    }

    @Test
    void distinct_withoutReplacement_isAPermutationPrefix_andIndependentDrawsOverAContinuum() {
        List<Id> drawn = of(1, 2, 3, 4, 5).distinct(3, new SplittableRandom(2));
        assertEquals(3, drawn.stream().distinct().count());
        assertEquals(5, of(1, 2, 3, 4, 5).distinct(9, new SplittableRandom(2)).stream().distinct().count());
        TaskDistribution<Id> continuum = (n, rng) -> java.util.stream.IntStream.range(0, n)
                .mapToObj(i -> new Id(rng.nextInt(1000))).toList();
        assertEquals(continuum.sample(7, new SplittableRandom(4)), continuum.distinct(7, new SplittableRandom(4)));
    }
}
