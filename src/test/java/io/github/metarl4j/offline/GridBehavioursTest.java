package io.github.metarl4j.offline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metarl4j.algo.bc.BcConfig;
import io.github.metarl4j.algo.bc.BehaviourCloning;
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
import io.github.metarl4j.nn.Activation;
import io.github.metarl4j.policy.CategoricalMlpPolicy;
import io.github.metarl4j.sampler.LockstepSampler;
import io.github.metarl4j.sampler.RowBlocks;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The grid world's behaviours: the expert reaches the oracle's optimal return, its log-probabilities
 * are the behaviour's, and behaviour cloning of its dataset matches it on fresh episodes of the same
 * task distribution, over three seeds.
 */
class GridBehavioursTest {

    private static final GridWorldConfig WORLD = GridWorldConfig.builder(GridMap.of("four-rooms")).build();
    private static final TaskFamily<GridTask, double[], Integer> FAMILY = GridWorld.family(WORLD,
            GridTasks.of(WORLD.map(), RegionSplit.of("all - top-left-quadrant", "top-left-quadrant - top-left",
                    "top-left"), RegionSplit.same(Region.parse("goal"))));
    private static final GridOracle ORACLE = new GridOracle(WORLD);

    /** Mean episode return of {@code behaviour} on {@code tasks}, 4 episodes each. */
    private static double play(LockstepSampler sampler, List<GridTask> tasks, Behaviour<GridTask> behaviour, long seed) {
        EpisodeBatch b = sampler.sample(FAMILY, tasks, 4, new RowBlocks(tasks.stream().map(behaviour::actions).toList(), 4),
                new SplittableRandom(seed));
        return b.meanEpisodeReturn();
    }

    @Test
    void theExpert_reachesTheOracle_andItsDataRecordsTheBehavioursLogProbabilities() {
        List<GridTask> tasks = FAMILY.tasks().train().sample(30, new SplittableRandom(1));
        double optimal = tasks.stream().mapToDouble(ORACLE::optimalReturn).average().orElseThrow();
        try (LockstepSampler sampler = new LockstepSampler(2, DataType.DOUBLE)) {
            NoisyExpert<GridTask> expert = new NoisyExpert<>(new GridExpert(WORLD), 4, 0.0);
            assertEquals(optimal, play(sampler, tasks, expert, 2), 1e-12, "no slip: the expert's return is the oracle's");
            NoisyExpert<GridTask> noisy = new NoisyExpert<>(new GridExpert(WORLD), 4, 0.3);
            TransitionDataset d = Collection.collect(sampler, FAMILY, tasks, 2, noisy, new SplittableRandom(3));
            double[] logp = d.behaviourLogProb().orElseThrow();
            double[] act = d.actions();
            double[] obs = d.observations();
            int[] starts = d.episodeStarts();
            int[] episodeTasks = d.episodeTasks().orElseThrow();
            int greedy = 0;
            for (int e = 0; e < d.episodes(); e++) {
                for (int i = starts[e]; i < starts[e + 1]; i++) {
                    double[] o = java.util.Arrays.copyOfRange(obs, i * d.obsDim(), (i + 1) * d.obsDim());
                    boolean isExpert = act[i] == new GridExpert(WORLD).action(tasks.get(episodeTasks[e]), o);
                    greedy += isExpert ? 1 : 0;
                    assertEquals(Math.log(isExpert ? 0.3 / 4 + 0.7 : 0.3 / 4), logp[i], 1e-15, "row " + i);
                }
            }
            double share = greedy / (double) d.size();
            assertTrue(Math.abs(share - (0.7 + 0.3 / 4)) < 0.05, "expert's action on " + share + " of rows");
            assertEquals("expert, epsilon 0.3", d.provenance().get("behaviour"));
        }
    }

    @Test
    void cloningTheExpert_matchesIt_onFreshEpisodes_overThreeSeeds() {
        CategoricalMlpPolicy policy = new CategoricalMlpPolicy(WORLD.map().size(), new int[] {32}, 4, Activation.TANH,
                DataType.DOUBLE);
        try (LockstepSampler sampler = new LockstepSampler(2, DataType.DOUBLE)) {
            for (long seed = 1; seed <= 3; seed++) {
                List<GridTask> train = FAMILY.tasks().train().sample(40, new SplittableRandom(seed));
                TransitionDataset d = Collection.collect(sampler, FAMILY, train, 1,
                        new NoisyExpert<>(new GridExpert(WORLD), 4, 0.0), new SplittableRandom(seed + 10));
                BehaviourCloning bc = new BehaviourCloning(new BcConfig(64, 50, 0.01), policy,
                        policy.initialParameters(new SplittableRandom(seed + 20)), d);
                SplittableRandom rng = new SplittableRandom(seed + 30);
                for (int i = 0; i < 10; i++) {
                    bc.metaStep(FAMILY, List.of(), rng);
                }
                List<GridTask> fresh = FAMILY.tasks().train().sample(50, new SplittableRandom(seed + 40));
                double optimal = fresh.stream().mapToDouble(ORACLE::optimalReturn).average().orElseThrow();
                double cloned = sampler.sample(FAMILY, fresh, 4, new RowBlocks(List.of(policy.actions(bc.parameters())),
                        200), new SplittableRandom(seed + 50)).meanEpisodeReturn();
                double random = play(sampler, fresh, new UniformBehaviour<>(4), seed + 50);
                assertTrue(cloned >= 0.95 * optimal && cloned > random + 0.5, "seed " + seed + ": cloned " + cloned
                        + ", expert (optimal) " + optimal + ", random " + random);
            }
        }
    }

    @Test
    void theMediumBehaviour_scoresHalfwayBetweenRandomAndOptimal_onFreshEpisodes() {
        List<GridTask> tasks = FAMILY.tasks().train().sample(30, new SplittableRandom(4));
        double optimal = tasks.stream().mapToDouble(ORACLE::optimalReturn).average().orElseThrow();
        try (LockstepSampler sampler = new LockstepSampler(2, DataType.DOUBLE)) {
            double eps = MediumCalibration.epsilon(sampler, FAMILY, tasks, 4, new GridExpert(WORLD), 4, ORACLE,
                    io.github.metarl4j.random.SeedTree.root(6));
            double random = play(sampler, tasks, new UniformBehaviour<>(4), 7);
            double medium = play(sampler, tasks, new NoisyExpert<>(new GridExpert(WORLD), 4, eps), 7);
            double halfway = random + (optimal - random) / 2;
            assertTrue(Math.abs(medium - halfway) < 0.15 * (optimal - random), "epsilon " + eps + ": medium " + medium
                    + ", halfway " + halfway + " (random " + random + ", optimal " + optimal + ")");
        }
    }
}
