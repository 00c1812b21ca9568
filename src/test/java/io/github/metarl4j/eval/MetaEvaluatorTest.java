package io.github.metarl4j.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metarl4j.algo.AdaptablePolicy;
import io.github.metarl4j.data.EpisodeBatch;
import io.github.metarl4j.env.TaskFamily;
import io.github.metarl4j.envs.gridworld.GridMap;
import io.github.metarl4j.envs.gridworld.GridOracle;
import io.github.metarl4j.envs.gridworld.GridTask;
import io.github.metarl4j.envs.gridworld.GridTasks;
import io.github.metarl4j.envs.gridworld.GridWorld;
import io.github.metarl4j.envs.gridworld.GridWorldConfig;
import io.github.metarl4j.envs.gridworld.Region;
import io.github.metarl4j.envs.gridworld.RegionSplit;
import io.github.metarl4j.random.SeedTree;
import io.github.metarl4j.sampler.ActionFunction;
import io.github.metarl4j.sampler.LockstepSampler;
import io.github.metarl4j.sampler.RandomActions;
import io.github.metarl4j.space.Discrete;
import io.github.metarl4j.task.Oracle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

class MetaEvaluatorTest {

    private static final GridMap MAP = GridMap.of("open-8x8");
    private static final GridWorldConfig WORLD = GridWorldConfig.builder(MAP).build();
    private static final GridOracle ORACLE = new GridOracle(WORLD);
    private static final TaskFamily<GridTask, double[], Integer> FAMILY = GridWorld.family(WORLD,
            GridTasks.of(MAP, RegionSplit.of("left-half", "top-right-quadrant", "bottom-right-quadrant"), RegionSplit.same(Region.parse("goal"))));

    /** Acts at random until it has seen a task's episodes, then acts optimally for that task. */
    private static final class LearnsFromFirstObservation implements AdaptablePolicy {
        final GridTask task;
        final List<EpisodeBatch> seen;

        LearnsFromFirstObservation(GridTask task, List<EpisodeBatch> seen) {
            this.task = task;
            this.seen = seen;
        }

        @Override
        public ActionFunction actions() {
            if (task == null) {
                return new RandomActions<>(new Discrete(4));
            }
            GridOracle.Solution solution = ORACLE.solve(task);
            int[] t = {0};
            return (obs, rng) -> {
                double[] flat = obs.dup('c').data().asDouble();
                int rows = (int) obs.size(0);
                double[] out = new double[rows];
                for (int b = 0; b < rows; b++) {
                    int cell = 0;
                    while (cell < MAP.size() - 1 && flat[b * MAP.size() + cell] != 1) {
                        cell++;
                    }
                    out[b] = solution.action(WORLD.horizon() - t[0], MAP.cell(cell));
                }
                t[0]++;
                return Nd4j.create(out, new long[] {rows, 1}, DataType.DOUBLE);
            };
        }

        @Override
        public AdaptablePolicy adapt(EpisodeBatch episodes) {
            seen.add(episodes);
            double[] first = episodes.observations().get(org.nd4j.linalg.indexing.NDArrayIndex.point(0),
                    org.nd4j.linalg.indexing.NDArrayIndex.point(0)).toDoubleVector();
            int cell = 0;
            while (first[cell] != 1) {
                cell++;
            }
            return new LearnsFromFirstObservation(new GridTask(MAP.cell(cell), MAP.goal().orElseThrow()), seen);
        }
    }

    @Test
    void curve_recordsEachStepOnFreshEpisodes_andFractionOfOptimal() {
        List<GridTask> tasks = FAMILY.tasks().test().sample(6, SeedTree.root(1).generator());
        List<EpisodeBatch> seen = java.util.Collections.synchronizedList(new ArrayList<>()); // tasks adapt in parallel
        AdaptablePolicy start = new LearnsFromFirstObservation(null, seen);
        AdaptationCurve curve;
        try (LockstepSampler sampler = new LockstepSampler(2, DataType.DOUBLE)) {
            curve = new MetaEvaluator(2, 5).evaluate("scripted", start, FAMILY, tasks, Optional.<Oracle<GridTask>>of(ORACLE),
                    sampler, SeedTree.root(2));
        }
        assertEquals(2, curve.steps());
        // step 0 is random; steps 1 and 2 act optimally: exactly the oracle's return on every task
        assertTrue(curve.fractionOfOptimal().get(0).mean() < 0.5, "random start " + curve.fractionOfOptimal().get(0));
        for (int k = 1; k <= 2; k++) {
            assertEquals(1.0, curve.fractionOfOptimal().get(k).mean(), 1e-12);
            assertEquals(0.0, curve.fractionOfOptimal().get(k).halfWidth(), 1e-12);
            double[] optimal = tasks.stream().mapToDouble(ORACLE::optimalReturn).toArray();
            assertArrayEquals(optimal, curve.perTask()[k], 1e-12);
        }
        // each adaptation saw exactly its own task's fresh episodes: 6 tasks x 2 steps, 5 episodes each
        assertEquals(12, seen.size());
        for (EpisodeBatch b : seen) {
            assertEquals(5, b.episodes());
            assertEquals(1, b.numTasks());
        }
        assertEquals(null, ((LearnsFromFirstObservation) start).task, "the start policy is left unchanged");
    }

    @Test
    void badSettings_areRejected() {
        assertEquals("evaluation steps must be >= 0, got -1",
                assertThrows(IllegalArgumentException.class, () -> new MetaEvaluator(-1, 5)).getMessage());
        assertEquals("evaluation episodesPerTask must be >= 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> new MetaEvaluator(1, 0)).getMessage());
    }

    /** Learns a task from its first episodes only with step size 0.5; acts at random otherwise. */
    private record PicksHalf(double alpha, AdaptablePolicy inner) implements AdaptablePolicy {
        @Override
        public ActionFunction actions() {
            return inner.actions();
        }

        @Override
        public AdaptablePolicy adapt(EpisodeBatch episodes) {
            return alpha == 0.5 ? new PicksHalf(alpha, inner.adapt(episodes)) : this;
        }

        @Override
        public java.util.OptionalDouble stepSize() {
            return java.util.OptionalDouble.of(alpha);
        }

        @Override
        public AdaptablePolicy withStepSize(double a) {
            return new PicksHalf(a, inner);
        }
    }

    @Test
    void stepSizeSearch_choosesTheStepSizeWithTheBestValidationScore_andTiesGoToTheSmaller() {
        List<GridTask> tasks = FAMILY.tasks().validation().distinct(4, SeedTree.root(3).generator());
        AdaptablePolicy start = new PicksHalf(0.1, new LearnsFromFirstObservation(null,
                java.util.Collections.synchronizedList(new ArrayList<>())));
        try (LockstepSampler sampler = new LockstepSampler(2, DataType.DOUBLE)) {
            MetaEvaluator evaluator = new MetaEvaluator(2, 3);
            StepSizeSearch.Choice c = StepSizeSearch.choose(evaluator, "scripted", start, List.of(0.1, 0.5, 1.0),
                    FAMILY, tasks, Optional.<Oracle<GridTask>>of(ORACLE), sampler, SeedTree.root(4));
            assertEquals(0.5, c.chosen());
            assertEquals(List.of(0.1, 0.5, 1.0), c.grid());
            // 0.5 acts optimally after each step: its score is the mean optimal return
            assertEquals(tasks.stream().mapToDouble(ORACLE::optimalReturn).average().orElseThrow(), c.scores().get(1),
                    1e-12);
            // 0.1 and 1.0 never learn and see the same episodes: equal scores, the smaller wins a tie
            assertEquals(c.scores().get(0), c.scores().get(2));
            StepSizeSearch.Choice tie = StepSizeSearch.choose(evaluator, "scripted", start, List.of(0.1, 1.0), FAMILY,
                    tasks, Optional.<Oracle<GridTask>>of(ORACLE), sampler, SeedTree.root(4));
            assertEquals(0.1, tie.chosen());
            assertEquals(1.0, c.curve().fractionOfOptimal().get(2).mean(), 1e-12, "the chosen step size's curve");
        }
    }
}
