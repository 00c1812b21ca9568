package io.github.metarl4j.examples;

import io.github.metarl4j.algo.AdaptablePolicy;
import io.github.metarl4j.algo.maml.Maml;
import io.github.metarl4j.algo.maml.Pretraining;
import io.github.metarl4j.algo.maml.MamlConfig;
import io.github.metarl4j.envs.navigation.Navigation2D;
import io.github.metarl4j.envs.navigation.NavigationTask;
import io.github.metarl4j.eval.AdaptationCurve;
import io.github.metarl4j.eval.AdaptationTable;
import io.github.metarl4j.eval.MetaEvaluator;
import io.github.metarl4j.experiment.ConfigFiles;
import io.github.metarl4j.nn.Activation;
import io.github.metarl4j.policy.GaussianMlpPolicy;
import io.github.metarl4j.random.SeedTree;
import io.github.metarl4j.run.Trainer;
import io.github.metarl4j.sampler.LockstepSampler;
import io.github.metarl4j.task.TaskSchedule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * MAML on the MAML paper's 2D navigation (Finn, Abbeel and Levine, ICML 2017, section 5.3) in its
 * reference configuration; prints the returns on held-out goals after k = 0..K adaptation steps
 * for MAML, a policy pretrained on the pooled tasks, and the random initialisation, and saves
 * them as CSV. Run with {@code -Dexample=Navigation2DExample}.
 *
 * <pre>Navigation2DExample [config.yaml] [--full] [--smoke]</pre>
 */
public final class Navigation2DExample {

    /**
     * The example's settings, read from YAML.
     *
     * @param seed            root of the seed tree
     * @param hidden          hidden layer widths of the Gaussian policy
     * @param maml            MAML's settings
     * @param metaBatches     meta-batches of the default run
     * @param fullMetaBatches meta-batches with --full
     * @param pretrain        whether to pretrain a policy on the pooled tasks for comparison
     * @param evalTasks       held-out goals
     * @param evalSteps       adaptation steps evaluated
     * @param threads         threads for sampling and the outer step
     * @param output          folder for the CSV table
     */
    public record Config(long seed, List<Integer> hidden, MamlConfig maml, int metaBatches, int fullMetaBatches,
                         boolean pretrain, int evalTasks, int evalSteps, int threads, String output) {
    }

    private Navigation2DExample() {
    }

    public static void main(String[] args) throws IOException {
        List<String> a = List.of(args);
        Path file = Path.of(args.length > 0 && !args[0].startsWith("--") ? args[0] : "examples/configs/navigation-2d.yaml");
        Config c = ConfigFiles.read(file, Config.class);
        boolean smoke = a.contains("--smoke");
        MamlConfig m = c.maml();
        MamlConfig config = smoke ? new MamlConfig(m.innerStepSize(), m.innerSteps(), m.firstOrder(), 2, 2, m.gamma(),
                m.gaeLambda(), m.outer(), m.trpo(), m.ppo()) : m;
        int batches = smoke ? 1 : a.contains("--full") ? c.fullMetaBatches() : c.metaBatches();
        var family = Navigation2D.family();
        var policy = new GaussianMlpPolicy(2, c.hidden().stream().mapToInt(Integer::intValue).toArray(), 2,
                Activation.TANH, 0.0, DataType.FLOAT);
        SeedTree root = SeedTree.root(c.seed());
        INDArray initial = policy.initialParameters(root.child("init").generator());
        System.out.printf("Meta-training MAML (%s) on 2D navigation for %d meta-batches of %d tasks x %d episodes%s.%n",
                config.outer(), batches, config.metaBatch(), config.fastBatch(),
                c.pretrain() ? "; pretraining a policy on the same tasks" : "");
        try (Maml maml = new Maml(config, policy, initial, c.threads());
             Pretraining pretraining = new Pretraining(config, policy, initial, c.threads());
             LockstepSampler sampler = new LockstepSampler(c.threads(), DataType.FLOAT)) {
            AdaptablePolicy scratch = maml.explorationPolicy();
            TaskSchedule<NavigationTask> schedule = TaskSchedule.constant(family.tasks().train());
            new Trainer(Trainer.Persistence.none(), System.out::println, 10).train("maml", maml, family,
                    schedule, config.metaBatch(), batches, root.child("maml"), new AtomicBoolean());
            if (c.pretrain()) {
                new Trainer(Trainer.Persistence.none(), System.out::println, 0).train("pretrained", pretraining,
                        family, schedule, config.metaBatch(), batches, root.child("pretrain"), new AtomicBoolean());
            }
            List<NavigationTask> tasks = family.tasks().test().sample(smoke ? 2 : c.evalTasks(),
                    root.child("held-out").generator());
            MetaEvaluator evaluator = new MetaEvaluator(smoke ? 1 : c.evalSteps(), config.fastBatch());
            SeedTree node = root.child("eval");
            List<AdaptationCurve> curves = new java.util.ArrayList<>();
            curves.add(evaluator.evaluate("maml", maml.explorationPolicy(), family, tasks, Optional.empty(), sampler, node));
            if (c.pretrain()) {
                curves.add(evaluator.evaluate("pretrained", pretraining.explorationPolicy(), family, tasks, Optional.empty(),
                        sampler, node));
            }
            curves.add(evaluator.evaluate("scratch", scratch, family, tasks, Optional.empty(), sampler,
                    node));
            System.out.printf("%nHeld-out goals: mean return after k adaptation steps, mean +- 95%% CI over %d tasks:%n",
                    tasks.size());
            System.out.print(AdaptationTable.text(curves, false));
            Files.createDirectories(Path.of(c.output()));
            Path csv = Path.of(c.output(), "adaptation.csv");
            Files.writeString(csv, AdaptationTable.csv(curves));
            System.out.println("saved " + csv);
        }
    }
}
