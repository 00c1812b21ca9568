package io.github.metarl4j.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metarl4j.algo.InContextPolicy;
import io.github.metarl4j.algo.MetaLearner;
import io.github.metarl4j.eval.ConfidenceInterval;
import io.github.metarl4j.experiment.Experiment;
import io.github.metarl4j.experiment.config.ConfigFiles;
import io.github.metarl4j.experiment.config.ExperimentConfig;
import io.github.metarl4j.experiment.config.Rl2Learner;
import io.github.metarl4j.experiment.config.RunSettings;
import io.github.metarl4j.experiment.layout.RunDirectory;
import io.github.metarl4j.random.SeedTree;
import io.github.metarl4j.run.Progress;
import io.github.metarl4j.sampler.Sampler;
import io.github.metarl4j.sampler.TrialPolicy;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * docs/results-rl2.md's claim for RL^2 on the paper's random tabular MDPs with n = 10 episodes
 * (Duan et al. 2016, Table 2), asserted on training seeds 1-3 of
 * {@code examples/configs/tabular-mdp-rl2-aux.yaml} as it stands: each seed's trained policy beats
 * the greedy agent and PSRL on the 2000 held-out MDPs of {@code TabularMdpRl2}'s table, each with
 * the same reward draws, with the 95% interval of the per-task margin above 0.
 *
 * <p>Tagged {@code reproduction}: the three trainings take about two hours on two cores, longer than
 * the test suite's budget, so {@code mvn test} leaves it out and {@code mvn test -Preproduction} runs
 * it (README, "Run the tests"). The three seeds train at once, each with a third of the
 * machine's cores (at least one thread), which gives the same results as any other thread count;
 * then each is scored. The runs stay in
 * {@code target/reproduction/tabular-mdp-rl2-aux/seed-N} (for {@code metarl4j report}, or {@code
 * TabularMdpRl2 --resume --out DIR} for the seed's full table row); a stopped test resumes them
 * from their checkpoints when run again on the same config, and starts over on another.
 */
@Tag("reproduction")
class TabularMdpRl2ReproductionTest {

    private static final Path CONFIG = Path.of("examples/configs/tabular-mdp-rl2-aux.yaml");
    private static final Path RUNS = Path.of("target", "reproduction", "tabular-mdp-rl2-aux");
    private static final int HELD_OUT = 2000;

    @Test
    void rl2BeatsGreedyAndPsrl_onTheTenEpisodeMdps_onThreeTrainingSeeds() throws Exception {
        List<Long> seeds = List.of(1L, 2L, 3L);
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors() / seeds.size());
        PrintWriter out = new PrintWriter(System.out, true);
        List<RunDirectory> runs = new ArrayList<>();
        for (long seed : seeds) {
            ExperimentConfig config = ConfigFiles.read(CONFIG, ExperimentConfig.class,
                    List.of("seed=" + seed, "run.threads=" + threads));
            runs.add(runDirectory(RUNS.resolve("seed-" + seed), config));
        }
        ExecutorService pool = Executors.newFixedThreadPool(seeds.size());
        try {
            List<Future<Boolean>> trained = new ArrayList<>();
            for (RunDirectory run : runs) {
                long seed = run.config().seed();
                Progress progress = Progress.lines(line -> out.println("seed " + seed + ": " + line.strip()), 50);
                trained.add(pool.submit(() -> Experiment.of(run.config()).train(run, progress, new AtomicBoolean())));
            }
            for (Future<Boolean> t : trained) {
                assertTrue(t.get(), "every seed trains to the end");
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> shortfalls = new ArrayList<>();
        for (RunDirectory run : runs) {
            ExperimentConfig config = run.config();
            int n = ((Rl2Learner) config.learner()).rl2().episodesPerTrial();
            Experiment<?, ?, ?> experiment = Experiment.of(config);
            try (Sampler sampler = experiment.sampler(); MetaLearner learner = experiment.trained(run, sampler)) {
                TrialPolicy policy = ((InContextPolicy) learner.explorationPolicy()).trials();
                for (String reference : List.of("greedy", "psrl")) {
                    ConfidenceInterval margin = ReferenceAgents.mdpMargin(n, HELD_OUT, SeedTree.root(1), policy,
                            reference);
                    out.printf("seed %d, MDP n=%d: rl2 - %s %+.2f +- %.2f (paired over %d tasks)%n", config.seed(), n,
                            reference, margin.mean(), margin.halfWidth(), margin.n());
                    if (!(margin.lower() > 0)) {
                        shortfalls.add("seed " + config.seed() + ": RL^2's margin over " + reference + " " + margin);
                    }
                }
            }
        }
        assertTrue(shortfalls.isEmpty(), "RL^2 on " + HELD_OUT + " held-out MDPs, paired with the reference agents on the "
                + "same reward draws, should beat each with the 95% interval of its margin above 0: " + shortfalls);
    }

    /**
     * The run in {@code path}, resumed if it was made for {@code config} with any thread count (which
     * changes no result), else made afresh.
     */
    private static RunDirectory runDirectory(Path path, ExperimentConfig config) throws IOException {
        if (Files.isDirectory(path)) {
            RunDirectory old = RunDirectory.open(path);
            if (oneThread(old.config()).equals(oneThread(config))) {
                return old;
            }
            try (Stream<Path> files = Files.walk(path)) {
                for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            }
        }
        Files.createDirectories(path.getParent());
        return RunDirectory.create(path, config);
    }

    private static ExperimentConfig oneThread(ExperimentConfig c) {
        RunSettings r = c.run();
        return new ExperimentConfig(c.name(), c.seed(), c.family(), c.policy(), c.learner(),
                new RunSettings(r.metaBatches(), 1, r.checkpointEvery(), r.keepCheckpoints(), r.executor(), r.master()),
                c.evaluation());
    }
}
