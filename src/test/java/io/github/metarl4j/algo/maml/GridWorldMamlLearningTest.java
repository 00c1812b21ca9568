package io.github.metarl4j.algo.maml;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metarl4j.envs.gridworld.Cell;
import io.github.metarl4j.envs.gridworld.GridMap;
import io.github.metarl4j.envs.gridworld.GridOracle;
import io.github.metarl4j.envs.gridworld.GridTask;
import io.github.metarl4j.envs.gridworld.GridTasks;
import io.github.metarl4j.envs.gridworld.GridWorld;
import io.github.metarl4j.envs.gridworld.GridWorldConfig;
import io.github.metarl4j.envs.gridworld.Region;
import io.github.metarl4j.eval.AdaptationCurve;
import io.github.metarl4j.eval.MetaEvaluator;
import io.github.metarl4j.nn.Activation;
import io.github.metarl4j.policy.CategoricalMlpPolicy;
import io.github.metarl4j.random.SeedTree;
import io.github.metarl4j.sampler.LockstepSampler;
import io.github.metarl4j.task.Oracle;
import io.github.metarl4j.task.TaskSplit;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Seeded learning test on the grid world where the task is hidden from the observation: four-rooms,
 * start fixed at (7, 1), goals in the top half, not observed (one-hot position). After 15
 * meta-batches, one adaptation step from the MAML parameters raises the fraction of the optimal
 * return on held-out goals by more than 0.1. (The comparison with a policy pretrained as long on the
 * pooled goals is printed: at this budget MAML's step beat the pretrained policy's on one seed of
 * three, see docs/results.md.)
 */
@Tag("slow")
class GridWorldMamlLearningTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void hiddenGoals_oneAdaptationStepPays(long seed) {
        GridMap map = GridMap.of("four-rooms");
        GridWorldConfig world = GridWorldConfig.builder(map).build();
        TaskSplit<GridTask> goals = GridTasks.goals(map, new Cell(7, 1), Region.parse("top-half"),
                Region.parse("bottom-half"));
        var family = GridWorld.family(world, goals);
        var policy = new CategoricalMlpPolicy(map.size(), new int[] {64, 64}, 4, Activation.TANH, DataType.FLOAT);
        MamlConfig config = MamlConfig.builder().metaBatch(10).fastBatch(10).innerStepSize(0.5).build();
        SeedTree root = SeedTree.root(seed);
        INDArray initial = policy.initialParameters(root.child("init").generator());
        List<GridTask> heldOut = goals.train().sample(10, root.child("held-out").generator());
        Optional<Oracle<GridTask>> oracle = Optional.of(new GridOracle(world));
        try (Maml maml = new Maml(config, policy, initial, 2);
             Pretraining pretraining = new Pretraining(config, policy, initial, 2);
             LockstepSampler sampler = new LockstepSampler(2, DataType.FLOAT)) {
            for (int i = 0; i < 15; i++) {
                List<GridTask> tasks = goals.train().sample(10, root.child("tasks").child(i).generator());
                maml.metaStep(family, tasks, root.child("maml").child(i).generator());
                pretraining.metaStep(family, tasks, root.child("pretrain").child(i).generator());
            }
            MetaEvaluator evaluator = new MetaEvaluator(1, 10);
            SeedTree eval = root.child("eval");
            AdaptationCurve m = evaluator.evaluate("maml", maml.explorationPolicy(), family, heldOut, oracle, sampler,
                    eval);
            AdaptationCurve p = evaluator.evaluate("pretrained", pretraining.explorationPolicy(), family, heldOut,
                    oracle, sampler, eval);
            double before = m.fractionOfOptimal().get(0).mean();
            double after = m.fractionOfOptimal().get(1).mean();
            double pretrainedAfter = p.fractionOfOptimal().get(1).mean();
            System.out.printf("grid seed %d: pretrained %.3f -> %.3f; MAML %.3f -> %.3f (fraction of optimal)%n", seed,
                    p.fractionOfOptimal().get(0).mean(), pretrainedAfter, before, after);
            assertTrue(after > before + 0.1, "seed " + seed + ": adapted " + after + " should beat unadapted " + before);
        }
    }
}
