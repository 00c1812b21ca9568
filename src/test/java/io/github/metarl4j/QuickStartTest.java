package io.github.metarl4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metarl4j.data.EpisodeBatch;
import io.github.metarl4j.data.TransitionDataset;
import io.github.metarl4j.env.TaskFamily;
import io.github.metarl4j.envs.gridworld.GridMap;
import io.github.metarl4j.envs.gridworld.GridOracle;
import io.github.metarl4j.envs.gridworld.GridTask;
import io.github.metarl4j.envs.gridworld.GridTasks;
import io.github.metarl4j.envs.gridworld.GridWorld;
import io.github.metarl4j.envs.gridworld.GridWorldConfig;
import io.github.metarl4j.envs.gridworld.Region;
import io.github.metarl4j.envs.gridworld.RegionSplit;
import io.github.metarl4j.eval.OfflineScore;
import io.github.metarl4j.offline.Collection;
import io.github.metarl4j.offline.GridExpert;
import io.github.metarl4j.offline.NoisyExpert;
import io.github.metarl4j.offline.tabular.PessimisticLearner;
import io.github.metarl4j.random.SeedTree;
import io.github.metarl4j.sampler.LockstepSampler;
import io.github.metarl4j.sampler.RandomActions;
import io.github.metarl4j.task.TaskSplit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/** The README's quick starts (online and offline), verbatim, so that they keep compiling and running. */
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

    @Test
    void readmeOfflineQuickStart_runs() {
        GridMap map = GridMap.of("four-rooms");
        GridWorldConfig world = GridWorldConfig.builder(map).slip(0.1).build();
        TaskSplit<GridTask> split = GridTasks.of(map, RegionSplit.of("left-half", "top-right-quadrant",
                "bottom-right-quadrant"), RegionSplit.same(Region.parse("goal")));
        TaskFamily<GridTask, double[], Integer> family = GridWorld.family(world, split);
        SeedTree root = SeedTree.root(42);
        List<GridTask> tasks = split.train().sample(20, root.child("tasks").generator());

        try (LockstepSampler sampler = LockstepSampler.allCores(DataType.DOUBLE)) {
            TransitionDataset data = Collection.collect(sampler, family, tasks, 2,
                    new NoisyExpert<>(new GridExpert(world), 4, 0.3), root.child("data").generator());
            PessimisticLearner pvi = new PessimisticLearner(data, map.size(), 4, 0.1, 0.99);
            pvi.metaStep(family, List.of(), root.child("pvi").generator());
            OfflineScore score = OfflineScore.measure(pvi.explorationPolicy().actions(), family,
                    split.train().sample(20, root.child("fresh").generator()), new GridOracle(world), 4, sampler,
                    root.child("score"));
            // score.normalised(): mean +- 95% CI over the 20 tasks; 100 is the optimum, 0 the random policy

            assertTrue(data.behaviourLogProb().isPresent());
            assertTrue(score.normalised().mean() > 80, score.toString());
        }
    }
}
