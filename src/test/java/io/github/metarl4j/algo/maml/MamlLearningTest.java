package io.github.metarl4j.algo.maml;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metarl4j.data.EpisodeBatch;
import io.github.metarl4j.env.TaskFamily;
import io.github.metarl4j.envs.navigation.Navigation2D;
import io.github.metarl4j.envs.navigation.NavigationTask;
import io.github.metarl4j.nn.Activation;
import io.github.metarl4j.policy.BlockActions;
import io.github.metarl4j.policy.GaussianMlpPolicy;
import io.github.metarl4j.random.SeedTree;
import io.github.metarl4j.sampler.LockstepSampler;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Seeded learning test: MAML-TRPO on 2D navigation learns to adapt. */
@Tag("slow")
class MamlLearningTest {

    private static final int TASKS = 10;
    private static final int EPISODES = 10;
    private static final int EVAL_EPISODES = 20;
    private static final int ITERATIONS = 15;

    /** Mean return on held-out tasks before and after one adaptation step, from {@code theta}. */
    private static double[] evaluate(Maml maml, LockstepSampler sampler, TaskFamily<NavigationTask, double[], double[]> family,
                                     List<NavigationTask> tasks, INDArray theta, SeedTree node) {
        EpisodeBatch before = sampler.sample(family, tasks, EVAL_EPISODES, maml.policy().actions(theta),
                node.child("before").generator());
        List<INDArray> adapted = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            adapted.add(maml.adapt(theta, before.columns(i * EVAL_EPISODES, (i + 1) * EVAL_EPISODES)));
        }
        EpisodeBatch after = sampler.sample(family, tasks, EVAL_EPISODES,
                new BlockActions(maml.policy(), adapted, EVAL_EPISODES), node.child("after").generator());
        return new double[] {Arrays.stream(before.episodeReturns()).average().orElseThrow(),
                Arrays.stream(after.episodeReturns()).average().orElseThrow()};
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void metaTraining_makesOneStepAdaptationPay_onHeldOutTasks(long seed) {
        var policy = new GaussianMlpPolicy(2, new int[] {32, 32}, 2, Activation.TANH, 0.0, DataType.DOUBLE);
        Maml maml = new Maml(MamlConfig.builder().metaBatch(TASKS).fastBatch(EPISODES).build(), policy);
        var family = Navigation2D.family();
        SeedTree root = SeedTree.root(seed);
        INDArray theta = policy.initialParameters(root.child("init").generator());
        List<NavigationTask> heldOut = family.tasks().test().sample(TASKS, root.child("held-out").generator());
        try (LockstepSampler sampler = new LockstepSampler(2, DataType.DOUBLE)) {
            double[] initial = evaluate(maml, sampler, family, heldOut, theta, root.child("eval-initial"));
            for (int i = 0; i < ITERATIONS; i++) {
                var tasks = family.tasks().train().sample(TASKS, root.child("tasks").child(i).generator());
                theta = maml.metaStep(sampler, family, tasks, theta, root.child("batch").child(i).generator()).theta();
            }
            double[] trained = evaluate(maml, sampler, family, heldOut, theta, root.child("eval-trained"));
            System.out.printf("seed %d: initial %.2f -> %.2f after one step; trained %.2f -> %.2f%n", seed, initial[0],
                    initial[1], trained[0], trained[1]);
            assertTrue(trained[1] > trained[0], "seed " + seed + ": adapted " + trained[1] + " should beat unadapted "
                    + trained[0]);
            assertTrue(trained[1] > initial[1] + 10, "seed " + seed + ": meta-training should raise the adapted return "
                    + "from " + initial[1] + ", got " + trained[1]);
        }
    }
}
