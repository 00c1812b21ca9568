package io.github.metarl4j.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import io.github.metarl4j.random.SeedTree;
import io.github.metarl4j.sampler.LockstepSampler;
import io.github.metarl4j.sampler.RandomActions;
import io.github.metarl4j.sampler.RowBlocks;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/** The normalised score is 100 for the expert and exactly 0 for the random policy on the same seeds. */
class OfflineScoreTest {

    private static final GridWorldConfig WORLD = GridWorldConfig.builder(GridMap.of("four-rooms")).build();
    private static final TaskFamily<GridTask, double[], Integer> FAMILY = GridWorld.family(WORLD,
            GridTasks.of(WORLD.map(), RegionSplit.of("all - top-left-quadrant", "top-left-quadrant - top-left",
                    "top-left"), RegionSplit.same(Region.parse("goal"))));

    @Test
    void theExpertScores100_andRandomScores0() {
        List<GridTask> tasks = FAMILY.tasks().train().sample(20, new SplittableRandom(1));
        GridOracle oracle = new GridOracle(WORLD);
        try (LockstepSampler sampler = new LockstepSampler(2, DataType.DOUBLE)) {
            NoisyExpert<GridTask> expert = new NoisyExpert<>(new GridExpert(WORLD), 4, 0.0);
            OfflineScore best = OfflineScore.measure(new RowBlocks(tasks.stream().map(expert::actions).toList(), 3),
                    FAMILY, tasks, oracle, 3, sampler, SeedTree.root(5));
            assertEquals(100, best.normalised().mean(), 1e-9);
            assertEquals(best.optimal(), best.learned().mean(), 1e-12, "no slip: the expert's return is the optimum");
            OfflineScore random = OfflineScore.measure(new RandomActions<>(FAMILY.spec().actionSpace()), FAMILY, tasks,
                    oracle, 3, sampler, SeedTree.root(5));
            assertEquals(0, random.normalised().mean(), 0);
            assertEquals(0, random.normalised().halfWidth(), 0, "the same seeds and actions, task by task");
            assertEquals(best.random().mean(), random.learned().mean(), 0);
        }
    }
}
