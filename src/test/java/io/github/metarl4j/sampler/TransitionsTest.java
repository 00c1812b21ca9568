package io.github.metarl4j.sampler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metarl4j.data.EpisodeBatch;
import io.github.metarl4j.data.HostArrays;
import io.github.metarl4j.data.TransitionDataset;
import io.github.metarl4j.env.Env;
import io.github.metarl4j.env.StepResult;
import io.github.metarl4j.env.TaskFamily;
import io.github.metarl4j.envs.gridworld.GridMap;
import io.github.metarl4j.envs.gridworld.GridTask;
import io.github.metarl4j.envs.gridworld.GridTasks;
import io.github.metarl4j.envs.gridworld.GridWorld;
import io.github.metarl4j.envs.gridworld.GridWorldConfig;
import io.github.metarl4j.envs.gridworld.ObservationMode;
import io.github.metarl4j.envs.gridworld.Region;
import io.github.metarl4j.envs.gridworld.RegionSplit;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/** {@link Sampler#transitions}: the episodes of {@link Sampler#sample}, as a dataset, checked by replay. */
class TransitionsTest {

    private static final TaskFamily<GridTask, double[], Integer> ROOMS = GridWorld.family(
            GridWorldConfig.builder(GridMap.of("four-rooms")).slip(0.2).horizon(40)
                    .observation(ObservationMode.COORDINATES).build(),
            GridTasks.of(GridMap.of("four-rooms"), RegionSplit.of("left-half", "top-right-quadrant",
                    "bottom-right-quadrant"), RegionSplit.same(Region.parse("goal"))));
    private static final List<GridTask> TASKS = ROOMS.tasks().train().sample(4, new SplittableRandom(5));
    private static final int EPISODES = 6;

    private static TransitionDataset collect(int threads) {
        try (LockstepSampler s = new LockstepSampler(threads, DataType.DOUBLE)) {
            return s.transitions(ROOMS, TASKS, EPISODES, new RandomActions<>(ROOMS.spec().actionSpace()),
                    new SplittableRandom(11));
        }
    }

    @Test
    void transitions_areTheSampledEpisodes_rowByRow() {
        TransitionDataset d = collect(2);
        EpisodeBatch batch;
        try (LockstepSampler s = new LockstepSampler(2, DataType.DOUBLE)) {
            batch = s.sample(ROOMS, TASKS, EPISODES, new RandomActions<>(ROOMS.spec().actionSpace()),
                    new SplittableRandom(11));
        }
        int b = batch.episodes();
        double[] obs = HostArrays.read(batch.observations());
        double[] act = HostArrays.read(batch.actions());
        double[] rew = HostArrays.read(batch.rewards());
        double[] dObs = d.observations();
        double[] dAct = d.actions();
        double[] dRew = d.rewards();
        int[] starts = d.episodeStarts();
        assertEquals(b, d.episodes());
        assertEquals(batch.totalSteps(), d.size());
        for (int col = 0; col < b; col++) {
            assertEquals(batch.lengths()[col], starts[col + 1] - starts[col], "episode " + col);
            for (int s = 0; s < batch.lengths()[col]; s++) {
                int row = starts[col] + s;
                int at = s * b + col;
                assertArrayEquals(Arrays.copyOfRange(obs, at * 2, at * 2 + 2), Arrays.copyOfRange(dObs, row * 2, row * 2 + 2));
                assertEquals(act[at], dAct[row]);
                assertEquals(rew[at], dRew[row]);
            }
            assertEquals(batch.terminated()[col], d.terminated()[starts[col + 1] - 1]);
        }
        assertArrayEquals(new int[] {0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3},
                d.episodeTasks().orElseThrow());
        assertTrue(d.behaviourLogProb().isEmpty());
    }

    @Test
    void nextObservations_andEpisodeEnds_matchAReplayOfEachEpisode() {
        TransitionDataset d = collect(1);
        RowStreams seeds = RowStreams.forTasks(new SplittableRandom(11), TASKS.size(), EPISODES);
        int[] starts = d.episodeStarts();
        double[] act = d.actions();
        double[] next = d.nextObservations();
        boolean[] term = d.terminated();
        boolean[] trunc = d.truncated();
        int endedAtGoal = 0;
        int cut = 0;
        for (int e = 0; e < d.episodes(); e++) {
            Env<double[], Integer> env = ROOMS.create(TASKS.get(e / EPISODES));
            env.reset(seeds.row(e).nextLong());
            for (int row = starts[e]; row < starts[e + 1]; row++) {
                StepResult<double[]> r = env.step((int) act[row]);
                assertArrayEquals(r.observation(), Arrays.copyOfRange(next, row * 2, row * 2 + 2), "row " + row);
                boolean last = row == starts[e + 1] - 1;
                assertEquals(last && r.terminated(), term[row], "terminals row " + row);
                assertEquals(last && r.truncated(), trunc[row], "timeouts row " + row);
            }
            endedAtGoal += term[starts[e + 1] - 1] ? 1 : 0;
            cut += trunc[starts[e + 1] - 1] ? 1 : 0;
        }
        assertTrue(endedAtGoal > 0 && cut > 0, "both kinds of ending occur: " + endedAtGoal + " terminal, " + cut + " cut");
    }

    @Test
    void transitions_areIdenticalForAnyThreadCount() {
        TransitionDataset one = collect(1);
        for (int threads : new int[] {2, 3}) {
            TransitionDataset many = collect(threads);
            assertArrayEquals(one.observations(), many.observations());
            assertArrayEquals(one.nextObservations(), many.nextObservations());
            assertArrayEquals(one.actions(), many.actions());
            assertArrayEquals(one.rewards(), many.rewards());
            assertArrayEquals(one.terminated(), many.terminated());
            assertArrayEquals(one.truncated(), many.truncated());
        }
    }
}
