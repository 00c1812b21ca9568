package io.github.metarl4j.examples;

import io.github.metarl4j.data.EpisodeBatch;
import io.github.metarl4j.env.TaskFamily;
import io.github.metarl4j.envs.gridworld.Cell;
import io.github.metarl4j.envs.gridworld.GridMap;
import io.github.metarl4j.envs.gridworld.GridOracle;
import io.github.metarl4j.envs.gridworld.GridTask;
import io.github.metarl4j.envs.gridworld.GridTasks;
import io.github.metarl4j.envs.gridworld.GridWorld;
import io.github.metarl4j.envs.gridworld.GridWorldConfig;
import io.github.metarl4j.envs.gridworld.RegionSplit;
import io.github.metarl4j.eval.ConfidenceInterval;
import io.github.metarl4j.experiment.config.ConfigFiles;
import io.github.metarl4j.random.SeedTree;
import io.github.metarl4j.sampler.LockstepSampler;
import io.github.metarl4j.sampler.RandomActions;
import io.github.metarl4j.task.TaskSplit;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * A tour of the grid world: the map, the start regions of the training, validation and test task
 * sets, the oracle's optimal return from every start to the map's goal, and the mean return (95% CI
 * over tasks) of a uniform random policy on held-out tasks of each set, also as a fraction of optimal.
 *
 * <pre>GridWorldTour [config.yaml] [--smoke]</pre>
 */
public final class GridWorldTour {

    /**
     * The tour's settings, read from YAML.
     *
     * @param seed            root of the seed tree
     * @param world           the grid world's dynamics and rewards
     * @param starts          start cells of the three task sets
     * @param goals           goal cells of the three task sets
     * @param tasks           tasks drawn from each set (each at most once)
     * @param episodesPerTask episodes per task
     * @param threads         sampler threads
     */
    public record Config(long seed, GridWorldConfig world, RegionSplit starts, RegionSplit goals, int tasks,
                         int episodesPerTask, int threads) {
        public Config {
            if (tasks < 2) {
                throw new IllegalArgumentException("tasks must be >= 2 for a confidence interval, got " + tasks);
            }
            if (episodesPerTask < 1) {
                throw new IllegalArgumentException("episodesPerTask must be >= 1, got " + episodesPerTask);
            }
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be >= 1, got " + threads);
            }
        }
    }

    private GridWorldTour() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args.length > 0 && !args[0].startsWith("--") ? args[0]
                : "examples/configs/gridworld-tour.yaml");
        Config config = ConfigFiles.read(file, Config.class);
        if (List.of(args).contains("--smoke")) {
            config = new Config(config.seed(), config.world(), config.starts(), config.goals(), 4, 3, 2);
        }
        run(config);
    }

    static void run(Config config) {
        GridWorldConfig world = config.world();
        GridMap map = world.map();
        TaskSplit<GridTask> split = GridTasks.of(map, config.starts(), config.goals());
        TaskFamily<GridTask, double[], Integer> family = GridWorld.family(world, split);
        GridOracle oracle = new GridOracle(world);
        Cell goal = map.goal().orElseThrow();
        System.out.printf("Map %dx%d, goal %s, slip %.2f, step cost %.3f, horizon %d, observation %s%n",
                map.rows(), map.cols(), goal, world.slip(), world.stepCost(), world.horizon(), world.observation());
        Set<Cell> train = Set.copyOf(config.starts().train().cells(map));
        Set<Cell> validation = Set.copyOf(config.starts().validation().cells(map));
        Set<Cell> test = Set.copyOf(config.starts().test().cells(map));
        System.out.printf("%nStart regions (T = train '%s', V = validation '%s', E = test '%s', G = the map's goal):%n",
                config.starts().train(), config.starts().validation(), config.starts().test());
        System.out.println(render(map, c -> c.equals(goal) ? " G " : train.contains(c) ? " T "
                : validation.contains(c) ? " V " : test.contains(c) ? " E " : " . "));
        System.out.printf("Oracle: optimal return from each start (value iteration, horizon %d):%n", world.horizon());
        System.out.println(render(map, c -> c.equals(goal) ? "  G  "
                : String.format("%5.2f", oracle.optimalReturn(new GridTask(c, goal)))));
        SeedTree root = SeedTree.root(config.seed());
        System.out.printf("Uniform random policy, %d tasks x %d episodes per region, seed %d:%n", config.tasks(),
                config.episodesPerTask(), config.seed());
        try (LockstepSampler sampler = new LockstepSampler(config.threads(), DataType.DOUBLE)) {
            for (TaskSplit.Part part : TaskSplit.Part.values()) {
                SeedTree node = root.child(part.name());
                List<GridTask> tasks = split.get(part).distinct(config.tasks(), node.child("tasks").generator());
                EpisodeBatch batch = sampler.sample(family, tasks, config.episodesPerTask(),
                        new RandomActions<>(family.spec().actionSpace()), node.child("sampler").generator());
                double[] perTask = batch.meanReturnPerTask();
                double[] fraction = new double[perTask.length];
                double[] optimal = new double[perTask.length];
                for (int i = 0; i < perTask.length; i++) {
                    optimal[i] = oracle.optimalReturn(tasks.get(i));
                    fraction[i] = oracle.fractionOfOptimal(tasks.get(i), perTask[i]);
                }
                System.out.printf("  %-5s return %s (95%% CI over tasks), optimal %.3f, fraction of optimal %s%n",
                        part.name().toLowerCase(), ConfidenceInterval.of95(perTask),
                        java.util.Arrays.stream(optimal).average().orElseThrow(), ConfidenceInterval.of95(fraction));
            }
        }
    }

    private static String render(GridMap map, java.util.function.Function<Cell, String> freeCell) {
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < map.rows(); r++) {
            for (int c = 0; c < map.cols(); c++) {
                Cell cell = new Cell(r, c);
                String shown = freeCell.apply(cell);
                sb.append(map.isFree(cell) ? shown : "#".repeat(shown.length()));
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
