package io.github.metarl4j.algo.maml;

import io.github.metarl4j.optim.OuterOptimizer;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metarl4j.envs.navigation.Navigation2D;
import io.github.metarl4j.algo.AdaptablePolicy;
import io.github.metarl4j.eval.AdaptationCurve;
import io.github.metarl4j.eval.MetaEvaluator;
import io.github.metarl4j.envs.navigation.NavigationTask;
import io.github.metarl4j.nn.Activation;
import io.github.metarl4j.policy.GaussianMlpPolicy;
import io.github.metarl4j.random.SeedTree;
import io.github.metarl4j.sampler.LockstepSampler;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Seeded learning test: after 15 meta-batches of MAML-TRPO on 2D navigation, one adaptation step
 * on held-out tasks raises the return, and beats the same step taken from a policy pretrained
 * for as many batches with ordinary policy gradient on the pooled tasks, and from the random
 * initialisation.
 */
@Tag("slow")
class MamlLearningTest {

    private static final int TASKS = 10;
    private static final int EPISODES = 10;
    private static final int EVAL_EPISODES = 20;
    private static final int ITERATIONS = 25;

    /** Adaptation curves on held-out tasks after meta-training, for MAML and its references. */
    private record Outcome(AdaptationCurve maml, AdaptationCurve pretrained, AdaptationCurve random) {
    }

    /** Meta-trains with {@code outer} (and, if asked, pretrains as long) from one seed, then evaluates. */
    private static Outcome trainAndEvaluate(long seed, OuterOptimizer outer, boolean pretrain) {
        var policy = new GaussianMlpPolicy(2, new int[] {32, 32}, 2, Activation.TANH, 0.0, DataType.DOUBLE);
        MamlConfig config = MamlConfig.builder().metaBatch(TASKS).fastBatch(EPISODES).outer(outer).build();
        var family = Navigation2D.family();
        SeedTree root = SeedTree.root(seed);
        INDArray initial = policy.initialParameters(root.child("init").generator());
        List<NavigationTask> heldOut = family.tasks().test().sample(TASKS, root.child("held-out").generator());
        MetaEvaluator evaluator = new MetaEvaluator(1, EVAL_EPISODES);
        try (LockstepSampler sampler = new LockstepSampler(2, DataType.DOUBLE);
             Maml maml = new Maml(config, policy, initial, sampler);
             Pretraining pretraining = new Pretraining(config, policy, initial, sampler)) {
            AdaptablePolicy random = maml.explorationPolicy();
            for (int i = 0; i < ITERATIONS; i++) {
                var tasks = family.tasks().train().sample(TASKS, root.child("tasks").child(i).generator());
                maml.metaStep(family, tasks, root.child("batch").child(i).generator());
                if (pretrain) {
                    pretraining.metaStep(family, tasks, root.child("pretrain").child(i).generator());
                }
            }
            SeedTree eval = root.child("eval");
            return new Outcome(
                    evaluator.evaluate("maml", maml.explorationPolicy(), family, heldOut, Optional.empty(), sampler, eval),
                    pretrain ? evaluator.evaluate("pretrained", pretraining.explorationPolicy(), family, heldOut,
                            Optional.empty(), sampler, eval) : null,
                    evaluator.evaluate("random", random, family, heldOut, Optional.empty(), sampler, eval));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void metaTraining_makesOneStepAdaptationPay_onHeldOutTasks(long seed) {
        Outcome o = trainAndEvaluate(seed, OuterOptimizer.TRPO, true);
        double before = o.maml().returns().get(0).mean();
        double after = o.maml().returns().get(1).mean();
        double pretrainedAfter = o.pretrained().returns().get(1).mean();
        double randomAfter = o.random().returns().get(1).mean();
        System.out.printf("seed %d: random init %.2f -> %.2f after one step; pretrained %.2f -> %.2f; MAML %.2f -> %.2f%n",
                seed, o.random().returns().get(0).mean(), randomAfter, o.pretrained().returns().get(0).mean(),
                pretrainedAfter, before, after);
        assertTrue(after > before, "seed " + seed + ": adapted " + after + " should beat unadapted " + before);
        assertTrue(after > pretrainedAfter + 5, "seed " + seed + ": MAML after one step (" + after
                + ") should beat the pretrained policy after one step (" + pretrainedAfter + ")");
        assertTrue(after > randomAfter + 10, "seed " + seed + ": MAML after one step (" + after
                + ") should beat the random initialisation after one step (" + randomAfter + ")");
    }

    @ParameterizedTest(name = "PPO outer step, seed {0}")
    @ValueSource(longs = {1, 2})
    void ppoOuterStep_alsoLearnsToAdapt(long seed) {
        Outcome o = trainAndEvaluate(seed, OuterOptimizer.PPO, false);
        double before = o.maml().returns().get(0).mean();
        double after = o.maml().returns().get(1).mean();
        double randomAfter = o.random().returns().get(1).mean();
        System.out.printf("PPO seed %d: random init -> %.2f after one step; MAML-PPO %.2f -> %.2f%n", seed, randomAfter,
                before, after);
        assertTrue(after > before, "seed " + seed + ": adapted " + after + " should beat unadapted " + before);
        assertTrue(after > randomAfter + 10, "seed " + seed + ": MAML-PPO after one step (" + after
                + ") should beat the random initialisation after one step (" + randomAfter + ")");
    }
}
