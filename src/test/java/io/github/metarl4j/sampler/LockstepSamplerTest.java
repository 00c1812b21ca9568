package io.github.metarl4j.sampler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metarl4j.data.EpisodeBatch;
import io.github.metarl4j.env.Env;
import io.github.metarl4j.env.StepResult;
import io.github.metarl4j.env.TaskFamily;
import io.github.metarl4j.envs.gridworld.GridMap;
import io.github.metarl4j.envs.gridworld.GridTask;
import io.github.metarl4j.envs.gridworld.GridTasks;
import io.github.metarl4j.envs.gridworld.GridWorld;
import io.github.metarl4j.envs.gridworld.GridWorldConfig;
import io.github.metarl4j.envs.gridworld.Region;
import io.github.metarl4j.envs.gridworld.RegionSplit;
import io.github.metarl4j.envs.gridworld.ObservationMode;
import io.github.metarl4j.envs.navigation.Navigation2D;
import io.github.metarl4j.envs.navigation.NavigationTask;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

class LockstepSamplerTest {

    private static final TaskFamily<GridTask, double[], Integer> ROOMS = GridWorld.family(
            GridWorldConfig.builder(GridMap.of("four-rooms")).slip(0.2).observation(ObservationMode.COORDINATES).build(),
            GridTasks.of(GridMap.of("four-rooms"), RegionSplit.of("left-half", "top-right-quadrant", "bottom-right-quadrant"), RegionSplit.same(Region.parse("goal"))));

    private static EpisodeBatch sample(int threads, long seed) {
        List<GridTask> tasks = ROOMS.tasks().train().sample(5, new SplittableRandom(seed));
        try (LockstepSampler s = new LockstepSampler(threads, DataType.DOUBLE)) {
            return s.sample(ROOMS, tasks, 7, new RandomActions<>(ROOMS.spec().actionSpace()), new SplittableRandom(seed));
        }
    }

    @Test
    void result_isBitIdenticalForOneAndManyThreads() {
        EpisodeBatch one = sample(1, 9);
        for (int threads : new int[] {2, 3, 8}) {
            EpisodeBatch many = sample(threads, 9);
            assertEquals(one.observations(), many.observations());
            assertEquals(one.actions(), many.actions());
            assertEquals(one.rewards(), many.rewards());
            assertArrayEquals(one.lengths(), many.lengths());
            assertArrayEquals(one.terminated(), many.terminated());
        }
    }

    @Test
    void layout_isTaskMajor_andPaddingIsZero() {
        EpisodeBatch b = sample(2, 3);
        assertEquals(35, b.episodes());
        assertArrayEquals(new int[] {0, 0, 0, 0, 0, 0, 0, 1, 1}, java.util.Arrays.copyOf(b.taskIndex(), 9));
        int[] lengths = b.lengths();
        assertEquals(java.util.Arrays.stream(lengths).max().orElseThrow(), b.steps());
        double[] obs = b.observations().dup('c').data().asDouble();
        double[] mask = b.mask().dup('c').data().asDouble();
        for (int t = 0; t < b.steps(); t++) {
            for (int j = 0; j < b.episodes(); j++) {
                if (mask[t * b.episodes() + j] == 0) {
                    assertEquals(0, obs[(t * b.episodes() + j) * 2]);
                    assertEquals(0, obs[(t * b.episodes() + j) * 2 + 1]);
                }
            }
        }
    }

    @Test
    void recordedActions_replayToTheSameRewards() {
        // Replaying column j's recorded actions on a fresh environment with the same seed
        // (each task's stream draws its columns' seeds first, in column order) reproduces its rewards.
        List<GridTask> tasks = ROOMS.tasks().train().sample(2, new SplittableRandom(1));
        EpisodeBatch b;
        try (LockstepSampler s = new LockstepSampler(2, DataType.DOUBLE)) {
            b = s.sample(ROOMS, tasks, 3, new RandomActions<>(ROOMS.spec().actionSpace()), new SplittableRandom(77));
        }
        RowStreams seeds = RowStreams.forTasks(new SplittableRandom(77), 2, 3);
        double[] actions = b.actions().dup('c').data().asDouble();
        double[] rewards = b.rewards().dup('c').data().asDouble();
        for (int j = 0; j < b.episodes(); j++) {
            Env<double[], Integer> env = ROOMS.create(tasks.get(b.taskIndex()[j]));
            env.reset(seeds.row(j).nextLong());
            for (int t = 0; t < b.lengths()[j]; t++) {
                StepResult<double[]> r = env.step((int) actions[t * b.episodes() + j]);
                assertEquals(rewards[t * b.episodes() + j], r.reward(), 0, "column " + j + " step " + t);
                assertEquals(t + 1 == b.lengths()[j], r.done());
            }
        }
    }

    @Test
    void policy_isCalledOncePerStepOnTheWholeBatch() {
        List<long[]> shapes = new ArrayList<>();
        ActionFunction stay = (obs, rng) -> {
            shapes.add(obs.shape());
            return Nd4j.zeros(DataType.DOUBLE, obs.size(0), 2);
        };
        List<NavigationTask> tasks = List.of(new NavigationTask(0.4, 0.4), new NavigationTask(-0.3, 0.1));
        try (LockstepSampler s = new LockstepSampler(2, DataType.FLOAT)) {
            EpisodeBatch b = s.sample(Navigation2D.family(), tasks, 4, stay, new SplittableRandom(0));
            assertEquals(DataType.FLOAT, b.observations().dataType());
            assertEquals(100, b.steps());
            assertEquals(-100 * Math.hypot(0.4, 0.4), b.episodeReturns()[0], 1e-4);
        }
        assertEquals(100, shapes.size());
        assertTrue(shapes.stream().allMatch(sh -> sh[0] == 8 && sh[1] == 2));
    }

    @Test
    void wrongPolicyOutputShape_isRejected() {
        ActionFunction bad = (obs, rng) -> Nd4j.zeros(DataType.DOUBLE, obs.size(0), 3);
        try (LockstepSampler s = new LockstepSampler(1, DataType.DOUBLE)) {
            var e = assertThrows(IllegalArgumentException.class, () -> s.sample(Navigation2D.family(),
                    List.of(new NavigationTask(0, 0.1)), 2, bad, new SplittableRandom(0)));
            assertEquals("policy must return actions of shape [B, actDim] = [2, 2], got [2, 3]", e.getMessage());
        }
    }

    @Test
    void invalidActionFromPolicy_namesColumnAndStep() {
        ActionFunction bad = (obs, rng) -> Nd4j.valueArrayOf(new long[] {obs.size(0), 1}, 5.0, DataType.DOUBLE);
        try (LockstepSampler s = new LockstepSampler(1, DataType.DOUBLE)) {
            var e = assertThrows(IllegalArgumentException.class, () -> s.sample(ROOMS,
                    ROOMS.tasks().train().sample(1, new SplittableRandom(0)), 1, bad, new SplittableRandom(0)));
            assertEquals("column 0 (task 0), step 0: discrete value must be an integer in [0, 4), got 5.0",
                    e.getMessage());
        }
    }

    @Test
    void badArguments_areRejected() {
        assertEquals("sampler threads must be >= 1, got 0", assertThrows(IllegalArgumentException.class,
                () -> new LockstepSampler(0, DataType.DOUBLE)).getMessage());
        assertEquals("sampler data type must be FLOAT or DOUBLE, got INT", assertThrows(IllegalArgumentException.class,
                () -> new LockstepSampler(1, DataType.INT)).getMessage());
        try (LockstepSampler s = new LockstepSampler(1, DataType.DOUBLE)) {
            assertEquals("episodes per task (or trial) must be >= 1, got 0", assertThrows(IllegalArgumentException.class,
                    () -> s.sample(Navigation2D.family(), List.of(new NavigationTask(0, 0)), 0,
                            new RandomActions<>(Navigation2D.family().spec().actionSpace()),
                            new SplittableRandom(0))).getMessage());
        }
    }
}
