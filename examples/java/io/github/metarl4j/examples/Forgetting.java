package io.github.metarl4j.examples;

import io.github.metarl4j.algo.AdaptablePolicy;
import io.github.metarl4j.algo.maml.Maml;
import io.github.metarl4j.algo.maml.MamlConfig;
import io.github.metarl4j.env.TaskFamily;
import io.github.metarl4j.envs.gridworld.Cell;
import io.github.metarl4j.envs.gridworld.GridOracle;
import io.github.metarl4j.envs.gridworld.GridTask;
import io.github.metarl4j.envs.gridworld.GridTasks;
import io.github.metarl4j.envs.gridworld.GridWorld;
import io.github.metarl4j.envs.gridworld.GridWorldConfig;
import io.github.metarl4j.envs.gridworld.Region;
import io.github.metarl4j.eval.AdaptationCurve;
import io.github.metarl4j.eval.AdaptationTable;
import io.github.metarl4j.eval.MetaEvaluator;
import io.github.metarl4j.experiment.config.ConfigFiles;
import io.github.metarl4j.nn.Activation;
import io.github.metarl4j.policy.CategoricalMlpPolicy;
import io.github.metarl4j.random.SeedTree;
import io.github.metarl4j.run.Progress;
import io.github.metarl4j.run.Trainer;
import io.github.metarl4j.sampler.LockstepSampler;
import io.github.metarl4j.task.Oracle;
import io.github.metarl4j.task.TaskDistribution;
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
 * The forgetting measurement of the grid-world specification: a meta-learner trained on task
 * family A and then on B (the schedule {@code alternating(A, B, period)}, one period of each),
 * against one trained on B alone, both adapted to tasks of A for k = 0..K steps (A's goals: the
 * question is what is left of A, so these are tasks the first learner trained on).
 *
 * <pre>Forgetting [config.yaml] [--smoke]</pre>
 */
public final class Forgetting {

    /**
     * The example's settings, read from YAML.
     *
     * @param seed      root of the seed tree
     * @param world     the grid world (goals are not observed with ONE_HOT or COORDINATES)
     * @param start     the fixed start cell
     * @param regionA   goals of family A
     * @param regionB   goals of family B, disjoint from A
     * @param hidden    hidden layer widths of the categorical policy
     * @param maml      MAML's settings
     * @param period    meta-batches per phase
     * @param evalTasks tasks of A to adapt to
     * @param evalSteps adaptation steps evaluated
     * @param threads   threads for sampling and the outer step
     * @param output    folder for the CSV table
     */
    public record Config(long seed, GridWorldConfig world, Cell start, Region regionA, Region regionB,
                         List<Integer> hidden, MamlConfig maml, int period, int evalTasks, int evalSteps, int threads,
                         String output) {
    }

    private Forgetting() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args.length > 0 && !args[0].startsWith("--") ? args[0] : "examples/configs/forgetting.yaml");
        Config c = ConfigFiles.read(file, Config.class);
        boolean smoke = List.of(args).contains("--smoke");
        MamlConfig m = c.maml();
        MamlConfig config = smoke ? new MamlConfig(m.innerStepSize(), m.innerSteps(), m.innerSampling(), m.firstOrder(), 2, 2, m.gamma(),
                m.gaeLambda(), m.outer(), m.trpo(), m.ppo()) : m;
        int period = smoke ? 1 : c.period();
        Region start = new Region.Cells(List.of(c.start()));
        TaskDistribution<GridTask> a = GridTasks.uniform(c.world().map(), start, c.regionA());
        TaskDistribution<GridTask> b = GridTasks.uniform(c.world().map(), start, c.regionB());
        TaskSplit<GridTask> ab = new TaskSplit<>(a, b, b);
        TaskFamily<GridTask, double[], Integer> family = GridWorld.family(c.world(), ab);
        var policy = new CategoricalMlpPolicy(c.world().observation().dim(c.world().map()),
                c.hidden().stream().mapToInt(Integer::intValue).toArray(), 4, Activation.TANH, DataType.FLOAT);
        SeedTree root = SeedTree.root(c.seed());
        INDArray initial = policy.initialParameters(root.child("init").generator());
        try (LockstepSampler sampler = new LockstepSampler(c.threads(), DataType.FLOAT);
             Maml aThenB = new Maml(config, policy, initial, sampler);
             Maml bOnly = new Maml(config, policy, initial, sampler)) {
            System.out.printf("Meta-training on A (goals in '%s') for %d meta-batches, then on B (goals in '%s') for %d;%n"
                    + "a second learner on B alone for %d.%n", c.regionA(), period, c.regionB(), period, period);
            AdaptablePolicy scratch = aThenB.explorationPolicy();
            new Trainer(Trainer.Persistence.none(), Progress.lines(System.out::println, 5)).train("a-then-b", aThenB, family,
                    TaskSchedule.alternating(ab.train(), ab.test(), period), config.metaBatch(), 2 * period,
                    root.child("a-then-b"), new AtomicBoolean());
            new Trainer(Trainer.Persistence.none(), Progress.none()).train("b-only", bOnly, family,
                    TaskSchedule.constant(ab.test()), config.metaBatch(), period, root.child("b-only"),
                    new AtomicBoolean());
            List<GridTask> tasks = ab.train().distinct(smoke ? 2 : c.evalTasks(), root.child("held-out").generator());
            Optional<Oracle<GridTask>> oracle = Optional.of(new GridOracle(c.world()));
            MetaEvaluator evaluator = new MetaEvaluator(smoke ? 1 : c.evalSteps(), config.fastBatch());
            SeedTree node = root.child("eval");
            List<AdaptationCurve> curves = List.of(
                    evaluator.evaluate("a_then_b", aThenB.explorationPolicy(), family, tasks, oracle, sampler, node),
                    evaluator.evaluate("b_only", bOnly.explorationPolicy(), family, tasks, oracle, sampler, node),
                    evaluator.evaluate("scratch", scratch, family, tasks, oracle, sampler, node));
            System.out.printf("%nTasks of A (trained on first by a-then-b): fraction of the optimal return after k adaptation steps, mean +- 95%% CI "
                    + "over %d tasks:%n", tasks.size());
            System.out.print(AdaptationTable.text(curves, true));
            Files.createDirectories(Path.of(c.output()));
            Path csv = Path.of(c.output(), "forgetting.csv");
            Files.writeString(csv, AdaptationTable.csv(curves));
            System.out.println("saved " + csv);
        }
    }
}
