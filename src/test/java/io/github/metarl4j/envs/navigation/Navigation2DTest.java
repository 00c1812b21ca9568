package io.github.metarl4j.envs.navigation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metarl4j.env.Env;
import io.github.metarl4j.env.StepResult;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Navigation2DTest {

    @Test
    void step_clipsVelocityAndPaysMinusDistanceFromNewPosition() {
        Navigation2D env = new Navigation2D(new NavigationTask(0.3, -0.2));
        assertArrayEquals(new double[] {0, 0}, env.reset(3), 0);
        StepResult<double[]> r = env.step(new double[] {0.5, -0.05});
        assertArrayEquals(new double[] {0.1, -0.05}, r.observation(), 1e-15);
        // distance from (0.1, -0.05) to (0.3, -0.2) = sqrt(0.2^2 + 0.15^2) = 0.25
        assertEquals(-0.25, r.reward(), 1e-15);
        assertFalse(r.done());
        r = env.step(new double[] {-7, 0.0});
        assertArrayEquals(new double[] {0.0, -0.05}, r.observation(), 1e-15);
    }

    @Test
    void reachingWithinTolerance_terminates() {
        Navigation2D env = new Navigation2D(new NavigationTask(0.195, 0.005));
        env.reset(0);
        assertFalse(env.step(new double[] {0.1, 0}).done());
        StepResult<double[]> r = env.step(new double[] {0.1, 0});
        assertTrue(r.terminated());
        assertEquals(-Math.hypot(0.005, 0.005), r.reward(), 1e-15);
        assertThrows(IllegalStateException.class, () -> env.step(new double[] {0, 0}));
    }

    @Test
    void family_truncatesAtHundredSteps() {
        Env<double[], double[]> env = Navigation2D.family().create(new NavigationTask(0.5, 0.5));
        env.reset(0);
        for (int t = 1; t < 100; t++) {
            assertFalse(env.step(new double[] {0, 0}).done(), "step " + t);
        }
        StepResult<double[]> last = env.step(new double[] {0, 0});
        assertTrue(last.truncated());
        assertFalse(last.terminated());
    }

    @Test
    void invalidActions_areRejectedWithMessages() {
        Navigation2D env = new Navigation2D(new NavigationTask(0, 0.2));
        env.reset(0);
        assertEquals("action[0] must be finite, got NaN", assertThrows(IllegalArgumentException.class,
                () -> env.step(new double[] {Double.NaN, 0})).getMessage());
        assertEquals("value must be a double[2], got double[3]", assertThrows(IllegalArgumentException.class,
                () -> env.step(new double[3])).getMessage());
    }

    @Test
    void goalSquare_drawsInsideItsSquare_andRejectsBadBounds() {
        List<NavigationTask> goals = GoalSquare.REFERENCE.sample(1000, new SplittableRandom(4));
        assertTrue(goals.stream().allMatch(g -> Math.abs(g.goalX()) <= 0.5 && Math.abs(g.goalY()) <= 0.5));
        double meanX = goals.stream().mapToDouble(NavigationTask::goalX).average().orElseThrow();
        assertEquals(0, meanX, 0.05); // sd of the mean: 0.29 / sqrt(1000) = 0.009
        assertEquals("goal square needs finite low < high, got low 1.0 and high 1.0",
                assertThrows(IllegalArgumentException.class, () -> new GoalSquare(1, 1)).getMessage());
        assertEquals("goal must be finite, got (NaN, 0.0)",
                assertThrows(IllegalArgumentException.class, () -> new NavigationTask(Double.NaN, 0)).getMessage());
    }
}
