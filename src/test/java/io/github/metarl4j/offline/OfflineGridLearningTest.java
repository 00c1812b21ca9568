package io.github.metarl4j.offline;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metarl4j.algo.AdaptablePolicy;
import io.github.metarl4j.algo.bc.BcConfig;
import io.github.metarl4j.algo.bc.BehaviourCloning;
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
import io.github.metarl4j.nn.Activation;
import io.github.metarl4j.offline.tabular.PessimisticLearner;
import io.github.metarl4j.policy.CategoricalMlpPolicy;
import io.github.metarl4j.sampler.LockstepSampler;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Offline learners against the oracle on the four-rooms grid world, from the expert's episodes with
 * half of its actions replaced by random ones: behaviour cloning reproduces the noise, pessimistic
 * value iteration recovers the shortest paths. Scored on fresh tasks of the dataset's own task
 * distribution, over three seeds.
 */
class OfflineGridLearningTest {

    private static final GridWorldConfig WORLD = GridWorldConfig.builder(GridMap.of("four-rooms")).build();
    private static final TaskFamily<GridTask, double[], Integer> FAMILY = GridWorld.family(WORLD,
            GridTasks.of(WORLD.map(), RegionSplit.of("all - top-left-quadrant", "top-left-quadrant - top-left",
                    "top-left"), RegionSplit.same(Region.parse("goal"))));

    private static double score(LockstepSampler sampler, AdaptablePolicy policy, List<GridTask> tasks, long seed) {
        return sampler.sample(FAMILY, tasks, 4, policy.actions(), new SplittableRandom(seed)).meanEpisodeReturn();
    }

    @Test
    void pessimisticValueIteration_beatsBehaviourCloning_onNoisyExpertData_overThreeSeeds() {
        CategoricalMlpPolicy policy = new CategoricalMlpPolicy(WORLD.map().size(), new int[] {32}, 4, Activation.TANH,
                DataType.DOUBLE);
        GridOracle oracle = new GridOracle(WORLD);
        try (LockstepSampler sampler = new LockstepSampler(2, DataType.DOUBLE)) {
            for (long seed = 1; seed <= 3; seed++) {
                List<GridTask> train = FAMILY.tasks().train().sample(40, new SplittableRandom(seed));
                TransitionDataset d = Collection.collect(sampler, FAMILY, train, 2,
                        new NoisyExpert<>(new GridExpert(WORLD), 4, 0.5), new SplittableRandom(seed + 10));
                BehaviourCloning bc = new BehaviourCloning(new BcConfig(64, 50, 0.01), policy,
                        policy.initialParameters(new SplittableRandom(seed + 20)), d);
                SplittableRandom rng = new SplittableRandom(seed + 30);
                for (int i = 0; i < 10; i++) {
                    bc.metaStep(FAMILY, List.of(), rng);
                }
                PessimisticLearner pvi = new PessimisticLearner(d, WORLD.map().size(), 4, 0.1, 0.99);
                pvi.metaStep(FAMILY, List.of(), rng);
                List<GridTask> fresh = FAMILY.tasks().train().sample(50, new SplittableRandom(seed + 40));
                double optimal = fresh.stream().mapToDouble(oracle::optimalReturn).average().orElseThrow();
                double cloned = score(sampler, bc.explorationPolicy(), fresh, seed + 50);
                double pessimistic = score(sampler, pvi.explorationPolicy(), fresh, seed + 50);
                assertTrue(pessimistic > cloned + 0.03 && pessimistic >= 0.99 * optimal, "seed " + seed + ": pvi "
                        + pessimistic + ", bc " + cloned + ", optimal " + optimal);
            }
        }
    }
}
