package io.github.metarl4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Runs every example main in its smoke mode and checks what it prints. */
class ExamplesSmokeTest {

    private static String run(Runnable main) {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            main.run();
        } finally {
            System.setOut(original);
        }
        String out = buffer.toString(StandardCharsets.UTF_8);
        original.print(out);
        return out;
    }

    private static String lastLine(String out) {
        String[] lines = out.strip().split("\n");
        return lines[lines.length - 1];
    }

    @Test
    void gridWorldTour_printsMapOracleAndRandomReturns() {
        String out = run(() -> GridWorldTour.main(new String[] {"examples/configs/gridworld-tour.yaml", "--smoke"}));
        assertTrue(out.contains("Map 9x9, goal (7, 7)"), out);
        assertTrue(out.contains(" 0.89"), "optimal return from (1, 1) is 0.89:\n" + out);
        Matcher m = Pattern.compile("(train|test) +return (-?[0-9.]+) \\+- ").matcher(out);
        int rows = 0;
        while (m.find()) {
            rows++;
            assertTrue(Double.parseDouble(m.group(2)) < 0.9, "a random policy is far from optimal: " + m.group());
        }
        assertEquals(2, rows, out);
    }

    /** Runs an example main on its YAML with the output folder moved under {@code dir}, in smoke mode. */
    private static String runWithOutputIn(java.nio.file.Path dir, String yamlName, String outputLine,
                                          java.util.function.Consumer<String[]> main) throws Exception {
        String yaml = java.nio.file.Files.readString(java.nio.file.Path.of("examples/configs/" + yamlName))
                .replace(outputLine, "output: " + dir.resolve("out"));
        java.nio.file.Path config = dir.resolve("c.yaml");
        java.nio.file.Files.writeString(config, yaml);
        return run(() -> main.accept(new String[] {config.toString(), "--smoke"}));
    }

    private static java.util.function.Consumer<String[]> unchecked(ThrowingMain main) {
        return args -> {
            try {
                main.run(args);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
    }

    @FunctionalInterface
    private interface ThrowingMain {
        void run(String[] args) throws java.io.IOException;
    }

    @Test
    void forgetting_printsAndSavesItsTable(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        String out = runWithOutputIn(dir, "forgetting.yaml", "output: runs/forgetting", unchecked(Forgetting::main));
        assertTrue(out.contains("Tasks of A (trained on first by a-then-b): fraction of the optimal return"), out);
        assertTrue(java.nio.file.Files.readString(dir.resolve("out/forgetting.csv"))
                .startsWith("k,a_then_b_return,a_then_b_return_ci95,a_then_b_fraction"));
    }

    @Test
    void referenceAgents_printTheirRowsBesideThePaper() {
        String out = run(() -> ReferenceAgents.main(new String[] {"--smoke"}));
        assertTrue(out.contains("bandit k=5 n=10        gittins             6.6"), out);
        assertTrue(out.contains("tabular MDP n=10       psrl              138.1"), out);
    }

    @Test
    void customFamily_passesConformanceAndRolls() {
        String out = run(() -> CustomFamily.main(new String[0]));
        assertTrue(out.contains("conformance of 'corridor': passed"), out);
        assertTrue(out.contains("random policy on 8 corridors x 16 episodes"), out);
    }

    @Test
    void productsBenchmark_endsWithKeyValueLine() {
        String out = run(() -> ProductsBenchmark.main(new String[] {"--smoke"}));
        String last = lastLine(out);
        assertTrue(last.startsWith("rows=500 dtype=double gemm_gflops="), last);
        assertTrue(last.contains(" hvp_ms=") && last.contains(" fisher_gflops="), last);
    }

    @Test
    void mamlBenchmark_endsWithKeyValueLine() throws Exception {
        String out = run(() -> {
            try {
                MamlBenchmark.main(new String[] {"--smoke"});
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        String last = lastLine(out);
        assertTrue(last.startsWith("seconds_per_meta_batch=") && last.contains(" peak_rss_mb="), last);
        assertTrue(last.contains(" gflop_per_batch=") && last.contains(" fraction_of_gemm="), last);
    }

    @Test
    void sparkBenchmark_runsThreeBackEnds_withIdenticalParameters() {
        String out = run(() -> {
            try {
                SparkBenchmark.main(new String[] {"--smoke"});
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        String last = lastLine(out);
        assertTrue(last.startsWith("in_process_s=") && last.contains(" local2_ratio=")
                && last.contains(" standalone2_ratio=") && last.contains(" jobs_per_batch="), last);
        assertTrue(last.contains(" identical=true "), last);
    }

    @Test
    void samplerBenchmark_endsWithKeyValueLine() {
        String out = run(() -> SamplerBenchmark.main(new String[] {"--smoke"}));
        String last = lastLine(out);
        assertTrue(last.matches("cores=\\d+( [a-z0-9_]+=\\d+)+"), last);
        assertTrue(last.contains("grid_t1_steps_per_s=") && last.contains("nav_t1_steps_per_s="), last);
    }

    @Test
    void offlineGrid_printsAScoreForEveryDatasetKindAndLearner() {
        String out = run(() -> OfflineGrid.main(new String[] {"--smoke"}));
        for (String kind : new String[] {"random", "medium", "expert (epsilon 0.1)", "mixed"}) {
            for (String learner : new String[] {"behaviour (its data)", "behaviour cloning", "CQL (alpha 1.0)", "CQL (alpha 0.01)",
                "CQL (alpha by FQE)", "fitted Q (CQL alpha 0)", "pessimistic VI (beta 0.1)", "model-based VI (beta 0)"}) {
                assertTrue(out.matches("(?s).*\\n" + java.util.regex.Pattern.quote(String.format("%-22s %-28s", kind,
                        learner)) + " -?[0-9]+\\.[0-9]\\n.*"), kind + " / " + learner + ":\n" + out);
            }
        }
        assertTrue(out.contains("learned Q on the states the data visits (gamma 0.99)"), out);
        assertTrue(out.matches("(?s).*\\nmixed +pessimistic VI \\(beta 0\\.1\\) +-?[0-9]+\\.[0-9]{3} .*"), out);
    }

    @Test
    void qNetworkBenchmark_showsBothNetworksComputeTheSameStep_andTimesEach() {
        String out = run(() -> QNetworkBenchmark.main(new String[] {"--steps", "3"}));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("largest \\|Q difference\\| (\\S+), largest "
                + "\\|gradient difference\\| (\\S+)\\n").matcher(out);
        assertTrue(m.find(), out);
        assertTrue(Double.parseDouble(m.group(1)) < 1e-12 && Double.parseDouble(m.group(2)) < 1e-12, out);
        for (String type : new String[] {"DOUBLE", "FLOAT"}) {
            for (String net : new String[] {"library Mlp (flat parameters)", "DL4J MultiLayerNetwork (external errors)"}) {
                assertTrue(out.contains(String.format("%-8s %-42s ", type, net)), type + " / " + net + ":\n" + out);
            }
        }
    }

    @Test
    void rl2Cloning_printsTheHeldOutNll_andTheClonesRowBesideTheReferenceAgents() {
        String out = run(() -> Rl2Cloning.main(new String[] {"--smoke"}));
        assertTrue(out.matches("(?s).*cloning psrl into RecurrentNet: step 0, held-out NLL 1\\.[0-9]{4}\\n.*"), out);
        assertTrue(out.matches("(?s).*\\nstep 2, held-out NLL [0-9.]+ \\(8 teacher trials.*"), out);
        assertTrue(out.matches("(?s).*tabular MDP n=10 +clone of psrl +- +[0-9.]+ \\+- +[0-9.]+.*"), out);
    }

    @Test
    void rl2Cloning_onWidenedRows_trainsAndScoresTheClone() {
        for (String layout : new String[] {"previous-state", "counts", "pairs"}) {
            String out = run(() -> Rl2Cloning.main(new String[] {"--smoke", "--rows", layout}));
            assertTrue(out.matches("(?s).*\\nstep 2, held-out NLL [0-9.]+ \\(8 teacher trials.*"), layout + out);
            assertTrue(out.matches("(?s).*tabular MDP n=10 +clone of psrl +- +[0-9.]+ \\+- +[0-9.]+.*"), layout + out);
        }
    }

    @Test
    void offPolicyGrid_printsEveryEstimatorsErrorAndRankCorrelation() {
        String out = run(() -> OffPolicyGrid.main(new String[] {"--smoke"}));
        for (String kind : new String[] {"random", "medium", "expert (epsilon 0.1)", "mixed"}) {
            for (String est : new String[] {"importance sampling", "per-decision IS", "weighted IS",
                "doubly robust (FQE model)", "FQE (72 steps)"}) {
                assertTrue(out.matches("(?s).*\\n" + java.util.regex.Pattern.quote(String.format("%-22s %-26s", kind,
                        est)) + " [0-9.e+-]+ \\+- [0-9.e+-]+ +(-?[0-9]\\.[0-9]{2} .*|undefined)\\n.*"),
                        kind + " / " + est + ":\n" + out);
            }
        }
    }

    @Test
    void offlineMdp_printsAScoreForEveryDatasetKindAndLearner() {
        String out = run(() -> OfflineMdp.main(new String[] {"--smoke"}));
        for (String kind : new String[] {"random", "medium", "expert (epsilon 0.1)", "mixed"}) {
            for (String learner : new String[] {"behaviour (its data)", "expert (stationary)", "behaviour cloning",
                "CQL (alpha by FQE)", "fitted Q (CQL alpha 0)", "pessimistic VI (beta 1)", "model-based VI (beta 0)"}) {
                assertTrue(out.matches("(?s).*\\n" + java.util.regex.Pattern.quote(String.format("%-22s %-28s", kind,
                        learner)) + " -?[0-9]+\\.[0-9]\\n.*"), kind + " / " + learner + ":\n" + out);
            }
        }
    }

    @Test
    void rl2Benchmark_endsWithKeyValueLine() {
        String out = run(() -> Rl2Benchmark.main(new String[] {"--smoke"}));
        String last = lastLine(out);
        assertTrue(last.matches("env_steps_per_s=\\d+ seconds_to_target=\\S+ .*"), last);
    }

    @Test
    void banditRl2_printsItsRowBesideTheReferenceAgents(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        String out = run(() -> BanditRl2.main(new String[] {"--out", dir.resolve("run").toString(), "--smoke"}));
        assertTrue(out.contains("report " + dir.resolve("run").resolve("report.html")), out);
        assertTrue(out.contains("bandit k=5 n=10        gittins             6.6"), out);
        assertTrue(out.matches("(?s).*bandit k=5 n=10        rl2                 6\\.7 +[0-9.]+ \\+- .*"), out);
        assertTrue(out.matches("(?s).*bandit k=5 n=10        rl2 - greedy +[-+][0-9.]+ \\+- +[0-9.]+  \\(paired over 20 tasks.*"), out);
        assertTrue(out.contains("rl2 - gittins"), out);
    }

    @Test
    void tabularMdpRl2_printsItsRowBesideTheReferenceAgents(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        String out = run(() -> TabularMdpRl2.main(new String[] {"--out", dir.resolve("run").toString(), "--smoke"}));
        assertTrue(out.contains("tabular MDP n=10       psrl              138.1"), out);
        assertTrue(out.matches("(?s).*tabular MDP n=10       rl2               156\\.2 +[0-9.]+ \\+- .*"), out);
        assertTrue(out.matches("(?s).*tabular MDP n=10       rl2 - greedy +[-+][0-9.]+ \\+- +[0-9.]+  \\(paired over 20 tasks.*"), out);
        assertTrue(out.contains("rl2 - psrl"), out);
    }

    @Test
    void tabularMdpRl2_resumesAFinishedRunAndScoresTheSamePolicy(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        String run = dir.resolve("run").toString();
        String trained = run(() -> TabularMdpRl2.main(new String[] {"--out", run, "--smoke"}));
        String resumed = run(() -> TabularMdpRl2.main(new String[] {"--resume", "--out", run, "--trials", "20"}));
        assertEquals(rl2Row(trained), rl2Row(resumed), resumed);
    }

    @Test
    void rl2Examples_reportMistakesWithoutTrainingOrAStackTrace(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        String run = dir.resolve("run").toString();
        run(() -> TabularMdpRl2.main(new String[] {"--out", run, "--smoke"}));
        String err = runErr(() -> assertEquals(2, TabularMdpRl2.run(new String[] {"--resume", "--out", run, "--set", "seed=2"})));
        assertTrue(err.contains("--config, --set and --smoke do not go with it"), err);
        java.nio.file.Path other = dir.resolve("other");
        err = runErr(() -> assertEquals(2, TabularMdpRl2.run(new String[] {"--out", other.toString(), "--trials", "0"})));
        assertTrue(err.contains("--trials: expected a positive whole number of held-out trials, got 0"), err);
        err = runErr(() -> assertEquals(2, TabularMdpRl2.run(new String[] {"--config", "examples/configs/bandit-rl2.yaml",
            "--out", other.toString(), "--smoke"})));
        assertTrue(err.contains("the paper's table is for RL^2 on 10-state, 5-action MDPs"), err);
        assertFalse(java.nio.file.Files.exists(other), "nothing trains for a config the table has no row for");
        err = runErr(() -> assertEquals(2, BanditRl2.run(new String[] {"--config", "examples/configs/tabular-mdp-rl2.yaml",
            "--out", other.toString(), "--smoke"})));
        assertTrue(err.contains("the paper's table is for RL^2 on Bernoulli bandits"), err);
        java.nio.file.Path config = java.nio.file.Path.of(run, "resolved-config.yaml");
        java.nio.file.Files.writeString(config, java.nio.file.Files.readString(config)
                .replace("metaBatches: 2", "metaBatches: 3"));
        err = runErr(() -> assertEquals(2, TabularMdpRl2.run(new String[] {"--resume", "--out", run})));
        assertTrue(err.contains("run.metaBatches: 2 -> 3"), err);
        assertFalse(err.contains("Exception"), err);
        err = runErr(() -> assertEquals(2, TabularMdpRl2.run(new String[] {"--out", other.toString(),
            "--allow-config-change", "run.metaBatches"})));
        assertTrue(err.contains("--allow-config-change goes with --resume"), err);
        String lengthened = run(() -> assertEquals(0, TabularMdpRl2.run(new String[] {"--resume", "--out", run,
            "--trials", "20", "--allow-config-change", "run.metaBatches"})));
        assertTrue(lengthened.contains("config changes allowed since the checkpoints: run.metaBatches"), lengthened);
        assertTrue(rl2Row(lengthened).matches("tabular MDP n=10       rl2 .*"), lengthened);
        err = runErr(() -> assertEquals(2, TabularMdpRl2.run(new String[] {"--resume", "--out", run,
            "--temperature", "0"})));
        assertTrue(err.contains("--temperature: expected a finite number > 0 dividing the policy's logits"
                + " (1: the trained policy), got 0"), err);
        String sharper = run(() -> assertEquals(0, TabularMdpRl2.run(new String[] {"--resume", "--out", run,
            "--trials", "20", "--temperature", "0.5"})));
        assertTrue(sharper.contains("rl2 below: the trained policy with its logits divided by 0.5"), sharper);
        assertTrue(rl2Row(sharper).matches("tabular MDP n=10       rl2 .*"), sharper);
    }

    /** What {@code main} writes to standard error (standard output is discarded). */
    private static String runErr(Runnable main) {
        PrintStream original = System.err;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            run(main);
        } finally {
            System.setErr(original);
        }
        String err = buffer.toString(StandardCharsets.UTF_8);
        original.print(err);
        return err;
    }

    private static String rl2Row(String out) {
        return out.lines().filter(l -> l.startsWith("tabular MDP n=10       rl2")).findFirst().orElseThrow();
    }
}
