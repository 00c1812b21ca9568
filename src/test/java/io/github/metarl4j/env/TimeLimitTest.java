package io.github.metarl4j.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TimeLimitTest {

    /** Counts steps; terminates when the action is 1. */
    private static final class Counter implements Env<Integer, Integer> {
        int n;

        @Override
        public Integer reset(long seed) {
            n = 0;
            return n;
        }

        @Override
        public StepResult<Integer> step(Integer action) {
            n++;
            return new StepResult<>(n, 1.0, action == 1, false);
        }
    }

    @Test
    void step_atHorizon_isTruncated() {
        TimeLimit<Integer, Integer> env = new TimeLimit<>(new Counter(), 3);
        env.reset(0);
        assertFalse(env.step(0).done());
        assertFalse(env.step(0).done());
        StepResult<Integer> last = env.step(0);
        assertTrue(last.truncated());
        assertFalse(last.terminated());
    }

    @Test
    void terminationOnLastStep_staysTerminated() {
        TimeLimit<Integer, Integer> env = new TimeLimit<>(new Counter(), 2);
        env.reset(0);
        env.step(0);
        StepResult<Integer> last = env.step(1);
        assertTrue(last.terminated());
        assertFalse(last.truncated());
    }

    @Test
    void stepAfterEnd_orBeforeReset_throws() {
        TimeLimit<Integer, Integer> env = new TimeLimit<>(new Counter(), 1);
        var e = assertThrows(IllegalStateException.class, () -> env.step(0));
        assertEquals("step called with no running episode; call reset(seed) first", e.getMessage());
        env.reset(0);
        env.step(0);
        assertThrows(IllegalStateException.class, () -> env.step(0));
        env.reset(0);
        assertTrue(env.step(0).truncated());
    }

    @Test
    void stepResult_bothFlags_isRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> new StepResult<>(0, 0, true, true));
        assertEquals("a step cannot be both terminated and truncated", e.getMessage());
    }

    @Test
    void nonPositiveHorizon_isRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> new TimeLimit<>(new Counter(), 0));
        assertEquals("horizon must be >= 1, got 0", e.getMessage());
    }
}
