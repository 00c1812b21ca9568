package io.github.metarl4j.sampler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metarl4j.data.EpisodeBatch;
import io.github.metarl4j.data.HostArrays;
import io.github.metarl4j.data.TrialBatch;
import io.github.metarl4j.env.TaskFamily;
import io.github.metarl4j.envs.gridworld.GridMap;
import io.github.metarl4j.envs.gridworld.GridTask;
import io.github.metarl4j.envs.gridworld.GridTasks;
import io.github.metarl4j.envs.gridworld.GridWorld;
import io.github.metarl4j.envs.gridworld.GridWorldConfig;
import io.github.metarl4j.envs.gridworld.ObservationMode;
import io.github.metarl4j.envs.gridworld.Region;
import io.github.metarl4j.envs.gridworld.RegionSplit;
import io.github.metarl4j.envs.navigation.Navigation2D;
import io.github.metarl4j.envs.navigation.NavigationTask;
import io.github.metarl4j.envs.tabular.RandomMdps;
import io.github.metarl4j.envs.tabular.TabularMdp;
import io.github.metarl4j.envs.tabular.TabularMdpConfig;
import io.github.metarl4j.algo.rl2.Rl2PolicySpec;
import io.github.metarl4j.eval.agents.Psrl;
import io.github.metarl4j.nn.RecurrentNet;
import io.github.metarl4j.nn.Activation;
import io.github.metarl4j.policy.CategoricalMlpPolicy;
import io.github.metarl4j.policy.GaussianMlpPolicy;
import io.github.metarl4j.policy.Policy;
import io.github.metarl4j.task.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A call's tasks played in parts (as a back end on several machines plays them) give each task's
 * episodes bit for bit as the whole call does: per-task streams and per-block network passes.
 */
class TaskSplitTest {

    private static final int TASKS = 7;
    private static final int E = 3;
    private static final long SEED = 0x5EEDL;
    private static final int[][] PARTS = {{0, 2}, {2, 5}, {5, 7}};

    private static final TaskFamily<GridTask, double[], Integer> ROOMS = GridWorld.family(
            GridWorldConfig.builder(GridMap.of("four-rooms")).slip(0.2).observation(ObservationMode.COORDINATES).build(),
            GridTasks.of(GridMap.of("four-rooms"), RegionSplit.of("left-half", "top-right-quadrant",
                    "bottom-right-quadrant"), RegionSplit.same(Region.parse("goal"))));

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT", "DOUBLE"})
    void navigation_oneVectorAndOnePerTask_sameEpisodesInParts(DataType type) {
        Policy policy = new GaussianMlpPolicy(2, new int[] {64, 64}, 2, Activation.TANH, 0.0, type);
        List<NavigationTask> tasks = Navigation2D.family().tasks().train().sample(TASKS, new SplittableRandom(1));
        assertSplitInvariant(Navigation2D.family(), tasks, policy);
    }

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT", "DOUBLE"})
    void gridWorld_episodesOfDifferentLengths_sameEpisodesInParts(DataType type) {
        Policy policy = new CategoricalMlpPolicy(2, new int[] {32}, 4, Activation.TANH, type);
        List<GridTask> tasks = ROOMS.tasks().train().sample(TASKS, new SplittableRandom(2));
        assertSplitInvariant(ROOMS, tasks, policy);
    }

    private static <T extends Task, O, A> void assertSplitInvariant(TaskFamily<T, O, A> family, List<T> tasks,
                                                                    Policy policy) {
        List<INDArray> perTask = new ArrayList<>();
        for (int i = 0; i < TASKS; i++) {
            perTask.add(policy.initialParameters(new SplittableRandom(10 + i)));
        }
        INDArray shared = perTask.get(0);
        try (LockstepSampler sampler = new LockstepSampler(2, policy.dataType())) {
            for (boolean oneVector : new boolean[] {true, false}) {
                EpisodeBatch whole = sampler.play(family, tasks, E,
                        oneVector ? policy.actions(shared) : policy.actions(perTask),
                        RowStreams.forTasks(SEED, 0, TASKS, E));
                for (int[] part : PARTS) {
                    int n = part[1] - part[0];
                    EpisodeBatch alone = sampler.play(family, tasks.subList(part[0], part[1]), E,
                            oneVector ? policy.actions(shared) : policy.actions(perTask.subList(part[0], part[1])),
                            RowStreams.forTasks(SEED, part[0], n, E));
                    for (int j = 0; j < n; j++) {
                        int i = part[0] + j;
                        String what = (oneVector ? "one vector" : "per-task vectors") + ", task " + i;
                        assertSameEpisodes(whole.columns(i * E, (i + 1) * E), alone.columns(j * E, (j + 1) * E), what);
                    }
                }
            }
        }
    }

    private static void assertSameEpisodes(EpisodeBatch a, EpisodeBatch b, String what) {
        assertArrayEquals(a.lengths(), b.lengths(), what + ": lengths");
        assertArrayEquals(HostArrays.read(a.observations()), HostArrays.read(b.observations()), what + ": observations");
        assertArrayEquals(HostArrays.read(a.actions()), HostArrays.read(b.actions()), what + ": actions");
        assertArrayEquals(HostArrays.read(a.rewards()), HostArrays.read(b.rewards()), what + ": rewards");
    }

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"DOUBLE"})
    void trials_ofAReferenceAgent_sameInParts(DataType type) {
        TaskFamily<TabularMdp, double[], Integer> family = RandomMdps.family(new TabularMdpConfig(5, 3, 6));
        List<TabularMdp> tasks = family.tasks().train().sample(TASKS, new SplittableRandom(3));
        try (LockstepSampler sampler = new LockstepSampler(2, type)) {
            TrialBatch whole = sampler.playTrials(family, tasks, 4, new Psrl(6), RowStreams.forTasks(SEED, 0, TASKS, 1));
            for (int[] part : PARTS) {
                int n = part[1] - part[0];
                TrialBatch alone = sampler.playTrials(family, tasks.subList(part[0], part[1]), 4, new Psrl(6),
                        RowStreams.forTasks(SEED, part[0], n, 1));
                assertEquals(whole.steps(), alone.steps());
                for (int t = 0; t < whole.steps(); t++) {
                    for (int j = 0; j < n; j++) {
                        int i = part[0] + j;
                        assertEquals(whole.actions()[t * TASKS + i], alone.actions()[t * n + j], "trial " + i + " step " + t);
                        assertEquals(whole.rewards()[t * TASKS + i], alone.rewards()[t * n + j], "trial " + i + " step " + t);
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT", "DOUBLE"})
    void trials_ofRl2sNetwork_sameInPartsOfWholeActingBlocks(DataType type) {
        TaskFamily<TabularMdp, double[], Integer> family = RandomMdps.family(new TabularMdpConfig(5, 3, 6));
        int trials = 2 * TrialPolicy.BLOCK + 22;
        List<TabularMdp> tasks = family.tasks().train().sample(trials, new SplittableRandom(4));
        TrialInputs layout = new TrialInputs(family.spec().observationSpace().flatDim(), 3);
        RecurrentNet net = new RecurrentNet(layout.width(), 32, 3, type);
        TrialPolicyData policy = new TrialPolicyData(new Rl2PolicySpec(net, io.github.metarl4j.algo.rl2.Rl2Inputs.PAPER, 1.0),
                HostArrays.read(net.initialParameters(new SplittableRandom(6))));
        int[][] parts = {{0, TrialPolicy.BLOCK}, {TrialPolicy.BLOCK, trials}};
        try (LockstepSampler sampler = new LockstepSampler(2, type)) {
            TrialBatch whole = sampler.playTrials(family, tasks, 3, policy, RowStreams.forTasks(SEED, 0, trials, 1));
            for (int[] part : parts) {
                int n = part[1] - part[0];
                TrialBatch alone = sampler.playTrials(family, tasks.subList(part[0], part[1]), 3, policy,
                        RowStreams.forTasks(SEED, part[0], n, 1));
                for (int t = 0; t < whole.steps(); t++) {
                    for (int j = 0; j < n; j++) {
                        int i = part[0] + j;
                        assertEquals(whole.actions()[t * trials + i], alone.actions()[t * n + j], "trial " + i + " step " + t);
                    }
                }
            }
        }
    }

    @Test
    void streams_ofAPart_areTheWholeCallsBlocks_andMismatchedLayoutsAreRefused() {
        RowStreams whole = RowStreams.forTasks(SEED, 0, TASKS, E);
        RowStreams part = RowStreams.forTasks(SEED, 2, 3, E);
        for (int j = 0; j < 3; j++) {
            assertEquals(whole.block(2 + j).nextLong(), part.block(j).nextLong(), "block " + (2 + j));
        }
        assertEquals(TASKS * E, whole.rows());
        assertTrue(whole.row(E) == whole.block(1) && whole.row(E - 1) == whole.block(0));
        SplittableRandom caller = new SplittableRandom(4);
        long seed = new SplittableRandom(4).nextLong();
        RowStreams drawn = RowStreams.forTasks(caller, 2, 1);
        assertEquals(RowStreams.forTasks(seed, 0, 2, 1).block(1).nextLong(), drawn.block(1).nextLong(),
                "the call's seed is one draw of the caller's generator");
        SplittableRandom fresh = new SplittableRandom(4);
        fresh.nextLong();
        assertEquals(fresh.nextLong(), caller.nextLong(), "the call takes exactly one draw of the caller's generator");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> whole.checkRows(TASKS * E + 1));
        assertTrue(e.getMessage().contains("a batch of 22 rows") && e.getMessage().contains("7 blocks x 3 rows"),
                e.getMessage());
        try (LockstepSampler sampler = new LockstepSampler(1, DataType.DOUBLE)) {
            List<NavigationTask> tasks = Navigation2D.family().tasks().train().sample(2, new SplittableRandom(1));
            IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class, () -> sampler.play(
                    Navigation2D.family(), tasks, E, new RandomActions<>(Navigation2D.family().spec().actionSpace()),
                    RowStreams.forTasks(SEED, 0, 3, E)));
            assertTrue(wrong.getMessage().contains("2 tasks x 3 episodes, streams of 3 x 3"), wrong.getMessage());
        }
    }
}
