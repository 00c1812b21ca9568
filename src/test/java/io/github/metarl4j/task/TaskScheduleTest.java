package io.github.metarl4j.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TaskScheduleTest {

    record Named(String name) implements Task {
    }

    private static final TaskDistribution<Named> A = TaskDistribution.fixed(new Named("A"));
    private static final TaskDistribution<Named> B = TaskDistribution.fixed(new Named("B"));
    private static final TaskDistribution<Named> C = TaskDistribution.fixed(new Named("C"));

    @Test
    void alternating_switchesEveryPeriod() {
        TaskSchedule<Named> s = TaskSchedule.alternating(A, B, 3);
        for (int t = 0; t < 12; t++) {
            assertSame((t / 3) % 2 == 0 ? A : B, s.at(t), "step " + t);
        }
    }

    @Test
    void cyclic_visitsPhasesInOrder() {
        TaskSchedule<Named> s = TaskSchedule.cyclic(List.of(A, B, C), 2);
        TaskDistribution<?>[] expected = {A, A, B, B, C, C, A, A};
        for (int t = 0; t < expected.length; t++) {
            assertSame(expected[t], s.at(t));
        }
    }

    @Test
    void drift_movesFromAToBLinearly() {
        TaskSchedule<Named> s = TaskSchedule.drift(A, B, 100);
        SplittableRandom rng = new SplittableRandom(5);
        assertEquals(List.of(new Named("A")), s.at(0).sample(1, rng));
        assertEquals(2000, s.at(100).sample(2000, rng).stream().filter(n -> n.name().equals("B")).count());
        long fromB = s.at(25).sample(20000, rng).stream().filter(n -> n.name().equals("B")).count();
        // Binomial(20000, 0.25): mean 5000, sd 61; 5 sd either side.
        assertEquals(5000, fromB, 310);
    }

    @Test
    void badArguments_areRejectedWithMessages() {
        assertEquals("schedule period must be >= 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> TaskSchedule.alternating(A, B, 0)).getMessage());
        assertEquals("drift duration must be >= 1, got -2",
                assertThrows(IllegalArgumentException.class, () -> TaskSchedule.drift(A, B, -2)).getMessage());
        assertEquals("schedule step must be >= 0, got -1",
                assertThrows(IllegalArgumentException.class, () -> TaskSchedule.constant(A).at(-1)).getMessage());
        assertEquals("number of tasks must be >= 0, got -3",
                assertThrows(IllegalArgumentException.class, () -> A.sample(-3, new SplittableRandom(1))).getMessage());
    }

    @Test
    void uniformTasks_drawsEachSupportElementAboutEquallyOften() {
        UniformTasks<Named> u = new UniformTasks<>(List.of(new Named("x"), new Named("y")));
        long x = u.sample(10000, new SplittableRandom(2)).stream().filter(n -> n.name().equals("x")).count();
        assertEquals(5000, x, 250); // sd 50
        assertEquals("a uniform task distribution needs at least one task, got []",
                assertThrows(IllegalArgumentException.class, () -> new UniformTasks<Named>(List.of())).getMessage());
    }
}
