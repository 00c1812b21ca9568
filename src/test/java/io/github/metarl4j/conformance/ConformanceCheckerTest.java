package io.github.metarl4j.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metarl4j.env.Env;
import io.github.metarl4j.env.EnvSpec;
import io.github.metarl4j.env.StepResult;
import io.github.metarl4j.env.TaskFamily;
import io.github.metarl4j.space.Box;
import io.github.metarl4j.space.Discrete;
import io.github.metarl4j.task.Task;
import io.github.metarl4j.task.TaskDistribution;
import io.github.metarl4j.task.TaskSplit;
import io.github.metarl4j.task.UniformTasks;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ConformanceCheckerTest {

    static List<org.junit.jupiter.params.provider.Arguments> families() {
        return BuiltInFamilies.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void builtInFamily_passesEveryCheck(String name, TaskFamily<?, ?, ?> family) {
        ConformanceReport report = ConformanceChecker.check(family, 2024);
        assertTrue(report.passed(), report.toString());
        assertEquals(7, report.checks().size());
    }

    // ---- A small correct family, and broken variants of it, each caught by its check. ----

    record Target(int at) implements Task {
    }

    /** A walk on 0..9 towards a target; action 0 steps left, 1 right, 2 random (from its own generator). */
    static class Walk implements Env<double[], Integer> {
        final int target;
        SplittableRandom rng;
        int pos;
        boolean running;

        Walk(Target t) {
            target = t.at();
        }

        @Override
        public double[] reset(long seed) {
            rng = new SplittableRandom(seed);
            pos = 5;
            running = true;
            return new double[] {pos / 9.0};
        }

        int move(int a) {
            return a == 0 ? -1 : a == 1 ? 1 : rng.nextBoolean() ? 1 : -1;
        }

        @Override
        public StepResult<double[]> step(Integer action) {
            int a = new Discrete(3).checked(action);
            if (!running) {
                throw new IllegalStateException("no running episode");
            }
            pos = Math.max(0, Math.min(9, pos + move(a)));
            running = pos != target;
            return new StepResult<>(new double[] {pos / 9.0}, pos == target ? 1 : 0, pos == target, false);
        }
    }

    private static TaskFamily<Target, double[], Integer> family(Function<Target, Env<double[], Integer>> factory) {
        var train = new UniformTasks<>(List.of(new Target(0), new Target(9)));
        var heldOut = TaskDistribution.fixed(new Target(7));
        return new TaskFamily<>("walk", new EnvSpec<>(Box.of(0, 1, 1), new Discrete(3), 30),
                new TaskSplit<>(train, heldOut, heldOut), factory::apply);
    }

    @Test
    void correctCustomFamily_passes() {
        ConformanceChecker.check(family(Walk::new), 1).assertPassed();
    }

    /** Shares one generator among all instances: identical seeds no longer give identical walks. */
    static final class SharedRandomWalk extends Walk {
        static final SplittableRandom SHARED = new SplittableRandom(0);

        SharedRandomWalk(Target t) {
            super(t);
        }

        @Override
        int move(int a) {
            return a == 2 ? (SHARED.nextBoolean() ? 1 : -1) : super.move(a);
        }
    }

    @Test
    void sharedGlobalGenerator_failsDeterminismChecks() {
        ConformanceReport r = ConformanceChecker.check(family(SharedRandomWalk::new), 1);
        assertFalse(r.check("reset-deterministic").passed());
        assertFalse(r.check("lockstep-deterministic").passed());
        assertTrue(r.check("observations-in-space").passed());
        var e = assertThrows(IllegalStateException.class, r::assertPassed);
        assertTrue(e.getMessage().contains("FAIL reset-deterministic"), e.getMessage());
    }

    @Test
    void observationOutsideSpace_isCaught() {
        ConformanceReport r = ConformanceChecker.check(family(t -> new Walk(t) {
            @Override
            public double[] reset(long seed) {
                super.reset(seed);
                return new double[] {5.0};
            }
        }), 1);
        assertFalse(r.check("observations-in-space").passed());
        assertEquals("reset observation [5.0] is outside the observation space Box(low=[0.0], high=[1.0])",
                r.check("observations-in-space").detail());
    }

    @Test
    void acceptingInvalidActions_isCaught() {
        ConformanceReport r = ConformanceChecker.check(family(t -> new Walk(t) {
            @Override
            public StepResult<double[]> step(Integer action) {
                return super.step(action == null ? 0 : Math.floorMod(action, 3));
            }
        }), 1);
        assertEquals("action null was accepted; expected IllegalArgumentException",
                r.check("invalid-actions-rejected").detail());
    }

    @Test
    void steppingAfterTermination_isCaught() {
        ConformanceReport r = ConformanceChecker.check(family(t -> new Walk(t) {
            @Override
            public StepResult<double[]> step(Integer action) {
                running = true;
                return super.step(action);
            }
        }), 1);
        assertFalse(r.check("termination-semantics").passed(), r.toString());
    }

    @Test
    void mutatingTheAction_isCaught() {
        var spec = new EnvSpec<>(Box.unbounded(1), Box.of(-1, 1, 1), 5);
        Env<double[], double[]> mutating = new Env<>() {
            @Override
            public double[] reset(long seed) {
                return new double[] {0};
            }

            @Override
            public StepResult<double[]> step(double[] action) {
                Box.of(-1, 1, 1).checkFinite(action, "action");
                action[0] = Math.max(-1, Math.min(1, action[0] * 2));
                return new StepResult<>(new double[] {action[0]}, 0, false, false);
            }
        };
        var fam = new TaskFamily<>("mutating", spec, new TaskSplit<>(TaskDistribution.fixed(new Target(1)),
                TaskDistribution.fixed(new Target(2)), TaskDistribution.fixed(new Target(2))),
                t -> mutating);
        ConformanceReport r = ConformanceChecker.check(fam, 3);
        assertFalse(r.check("action-not-mutated").passed());
        assertTrue(r.check("action-not-mutated").detail().startsWith("step 0 changed its action from"),
                r.check("action-not-mutated").detail());
    }
}
