package io.github.metarl4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import io.github.metarl4j.sampler.LockstepSampler;
import io.github.metarl4j.sampler.RandomActions;
import io.github.metarl4j.task.TaskSplit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/** The README's quick start, verbatim, so that it keeps compiling and running. */
class QuickStartTest {

    @Test
    void readmeQuickStart_runs() {
        GridMap map = GridMap.of("four-rooms");
        GridWorldConfig world = GridWorldConfig.builder(map).slip(0.1).build();
        // Train on starts in the left half; tune on starts in the top-right room; test on the unseen bottom-right room.
        TaskSplit<GridTask> split = GridTasks.of(map, RegionSplit.of("left-half", "top-right-quadrant",
                "bottom-right-quadrant"), RegionSplit.same(Region.parse("goal")));
        TaskFamily<GridTask, double[], Integer> family = GridWorld.family(world, split);

        SeedTree root = SeedTree.root(42);
        List<GridTask> tasks = split.train().sample(20, root.child("tasks").generator());
        try (LockstepSampler sampler = LockstepSampler.allCores(DataType.FLOAT)) {
            EpisodeBatch batch = sampler.sample(family, tasks, 10,
                    new RandomActions<>(family.spec().actionSpace()), root.child("sampler").generator());
            // batch.observations(): [T, B, obsDim], batch.mask(): [T, B], B = 20 tasks x 10 episodes
            double[] perTask = batch.meanReturnPerTask();
            double optimal = new GridOracle(world).optimalReturn(tasks.get(0));

            assertArrayEquals(new long[] {batch.steps(), 200, 81}, batch.observations().shape());
            assertEquals(20, perTask.length);
            assertTrue(perTask[0] < optimal, perTask[0] + " vs " + optimal);
        }
    }
}
