package io.github.metarl4j.examples;

import io.github.metarl4j.algo.AdaptablePolicy;
import io.github.metarl4j.algo.maml.Maml;
import io.github.metarl4j.algo.maml.Pretraining;
import io.github.metarl4j.algo.maml.MamlConfig;
import io.github.metarl4j.env.TaskFamily;
import io.github.metarl4j.envs.gridworld.GridOracle;
import io.github.metarl4j.envs.gridworld.GridTask;
import io.github.metarl4j.envs.gridworld.GridTasks;
import io.github.metarl4j.envs.gridworld.GridWorld;
import io.github.metarl4j.envs.gridworld.GridWorldConfig;
import io.github.metarl4j.envs.gridworld.Region;
import io.github.metarl4j.eval.AdaptationCurve;
import io.github.metarl4j.eval.AdaptationTable;
import io.github.metarl4j.eval.MetaEvaluator;
import io.github.metarl4j.experiment.ConfigFiles;
import io.github.metarl4j.nn.Activation;
import io.github.metarl4j.policy.CategoricalMlpPolicy;
import io.github.metarl4j.random.SeedTree;
import io.github.metarl4j.run.Trainer;
import io.github.metarl4j.sampler.LockstepSampler;
import io.github.metarl4j.task.Oracle;
import io.github.metarl4j.task.TaskSchedule;
import io.github.metarl4j.task.TaskSplit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The founding example: MAML on the grid world with varying start points. Meta-trains on starts
 * in one region of the map (fixed goal), pretrains a policy on the same tasks with ordinary policy
 * gradient for as many batches, then prints and saves, for held-out starts of the training region
 * and of the disjoint out-of-distribution region, the fraction of the optimal return after
 * k = 0..K adaptation steps for MAML, the pretrained policy and a policy learning from scratch.
 *
 * <pre>GridWorldStartPoints [config.yaml] [--full] [--smoke] [--seed N]</pre>
 */
public final class GridWorldStartPoints {

    /**
     * The example's settings, read from YAML.
     *
     * @param seed            root of the seed tree
     * @param world           the grid world
     * @param trainRegion     meta-training starts
     * @param testRegion      out-of-distribution starts
     * @param hidden          hidden layer widths of the categorical policy
     * @param maml            MAML's settings
     * @param metaBatches     meta-batches of the default run
     * @param fullMetaBatches meta-batches with --full
     * @param evalTasks       held-out tasks per region
     * @param evalSteps       adaptation steps evaluated
     * @param threads         threads for sampling and the outer step
     * @param output          folder for the CSV tables
     */
    public record Config(long seed, GridWorldConfig world, Region trainRegion, Region testRegion, List<Integer> hidden,
                         MamlConfig maml, int metaBatches, int fullMetaBatches, int evalTasks, int evalSteps, int threads,
                         String output) {
    }

    private GridWorldStartPoints() {
    }

    public static void main(String[] args) throws IOException {
        List<String> a = List.of(args);
        Path file = Path.of(args.length > 0 && !args[0].startsWith("--") ? args[0]
                : "examples/configs/gridworld-start-points.yaml");
        Config c = ConfigFiles.read(file, Config.class);
        boolean smoke = a.contains("--smoke");
        int batches = smoke ? 1 : a.contains("--full") ? c.fullMetaBatches() : c.metaBatches();
        MamlConfig mamlConfig = smoke ? new MamlConfig(c.maml().innerStepSize(), c.maml().innerSteps(),
                c.maml().firstOrder(), 2, 2, c.maml().gamma(), c.maml().gaeLambda(), c.maml().outer(), c.maml().trpo(),
                c.maml().ppo()) : c.maml();
        int evalTasks = smoke ? 2 : c.evalTasks();
        long seed = BenchmarkArgs.intArg(args, "--seed", (int) c.seed());
        run(c, seed, mamlConfig, batches, evalTasks, smoke ? 1 : c.evalSteps());
    }

    /**
     * One region's adaptation curves.
     *
     * @param part        the training region's held-out starts, or the out-of-distribution region's
     * @param region      the region
     * @param curves      MAML, pretrained and scratch, in that order
     * @param meanOptimal the oracle's mean optimal return over the region's evaluation tasks
     */
    record RegionOutcome(TaskSplit.Part part, Region region, List<AdaptationCurve> curves, double meanOptimal) {
    }

    static void run(Config c, long seed, MamlConfig mamlConfig, int batches, int evalTasks, int evalSteps) throws IOException {
        System.out.printf("Meta-training MAML (%s outer step) on starts in '%s' for %d meta-batches of %d tasks x %d "
                + "episodes (seed %d); pretraining a policy on the same tasks.%n", mamlConfig.outer(), c.trainRegion(),
                batches, mamlConfig.metaBatch(), mamlConfig.fastBatch(), seed);
        List<RegionOutcome> outcomes = trainAndEvaluate(c, seed, mamlConfig, batches, evalTasks, evalSteps, 5);
        Files.createDirectories(Path.of(c.output()));
        for (RegionOutcome o : outcomes) {
            System.out.printf("%nHeld-out starts in '%s' (%s): fraction of the optimal return after k adaptation "
                    + "steps, mean +- 95%% CI over %d tasks (oracle's mean optimal return %.3f):%n", o.region(),
                    o.part() == TaskSplit.Part.TRAIN ? "training region" : "out of distribution", evalTasks,
                    o.meanOptimal());
            System.out.print(AdaptationTable.text(o.curves(), true));
            Path csv = Path.of(c.output(), "adaptation-" + o.part().name().toLowerCase() + ".csv");
            Files.writeString(csv, AdaptationTable.csv(o.curves()));
            System.out.println("saved " + csv);
        }
    }

    /** Meta-trains and pretrains from {@code seed}, then evaluates both regions (what the learning test checks). */
    static List<RegionOutcome> trainAndEvaluate(Config c, long seed, MamlConfig mamlConfig, int batches, int evalTasks,
                                                int evalSteps, int logEvery) {
        TaskSplit<GridTask> split = GridTasks.startPoints(c.world().map(), c.trainRegion(), c.testRegion());
        TaskFamily<GridTask, double[], Integer> family = GridWorld.family(c.world(), split);
        int[] hidden = c.hidden().stream().mapToInt(Integer::intValue).toArray();
        var policy = new CategoricalMlpPolicy(c.world().observation().dim(c.world().map()), hidden, 4, Activation.TANH,
                DataType.FLOAT);
        Oracle<GridTask> oracle = new GridOracle(c.world());
        SeedTree root = SeedTree.root(seed);
        INDArray initial = policy.initialParameters(root.child("init").generator());
        try (Maml maml = new Maml(mamlConfig, policy, initial, c.threads());
             Pretraining pretraining = new Pretraining(mamlConfig, policy, initial, c.threads());
             LockstepSampler sampler = new LockstepSampler(c.threads(), DataType.FLOAT)) {
            AdaptablePolicy scratch = maml.explorationPolicy();
            TaskSchedule<GridTask> schedule = TaskSchedule.constant(split.train());
            new Trainer(Trainer.Persistence.none(), System.out::println, logEvery).train("maml", maml, family,
                    schedule, mamlConfig.metaBatch(), batches, root.child("maml"), new AtomicBoolean());
            new Trainer(Trainer.Persistence.none(), System.out::println, 0).train("pretrained", pretraining, family,
                    schedule, mamlConfig.metaBatch(), batches, root.child("pretrain"), new AtomicBoolean());
            MetaEvaluator evaluator = new MetaEvaluator(evalSteps, mamlConfig.fastBatch());
            List<RegionOutcome> out = new java.util.ArrayList<>();
            for (TaskSplit.Part part : TaskSplit.Part.values()) {
                List<GridTask> tasks = split.get(part).sample(evalTasks, root.child("eval-tasks").child(part.name())
                        .generator());
                SeedTree node = root.child("eval").child(part.name());
                List<AdaptationCurve> curves = List.of(
                        evaluator.evaluate("maml", maml.explorationPolicy(), family, tasks, Optional.of(oracle), sampler,
                                node),
                        evaluator.evaluate("pretrained", pretraining.explorationPolicy(), family, tasks,
                                Optional.of(oracle), sampler, node),
                        evaluator.evaluate("scratch", scratch, family, tasks, Optional.of(oracle), sampler, node));
                out.add(new RegionOutcome(part, part == TaskSplit.Part.TRAIN ? c.trainRegion() : c.testRegion(), curves,
                        tasks.stream().mapToDouble(oracle::optimalReturn).average().orElseThrow()));
            }
            return out;
        }
    }
}
