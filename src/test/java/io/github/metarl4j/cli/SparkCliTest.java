package io.github.metarl4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one flag that moves a run onto Spark: {@code --master local[2]} trains the same run, bit for bit,
 * as in process (every metric but the timings), and the resolved config records the back end.
 */
class SparkCliTest {

    private static final String[] SMALL = {"--set", "run.metaBatches=2", "--set", "learner.maml.metaBatch=4",
        "--set", "learner.maml.fastBatch=4", "--set", "policy.hidden=[16]", "--set", "evaluation.tasks=2",
        "--set", "evaluation.steps=1", "--set", "evaluation.episodes=4", "--set", "evaluation.baselines=[]"};

    private static Cli train(Path config, Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("train", "--config", config.toString(), "--out", out.toString()));
        args.addAll(List.of(SMALL));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void masterFlag_trainsTheInProcessRun_bitForBit(@TempDir Path dir) throws IOException {
        Path config = Path.of("examples/configs/navigation-2d.yaml");
        Cli here = train(config, dir.resolve("here"));
        assertEquals(Main.DONE, here.status(), here.err());
        Cli spark = train(config, dir.resolve("spark"), "--master", "local[2]");
        assertEquals(Main.DONE, spark.status(), spark.err());
        String resolved = Files.readString(dir.resolve("spark").resolve("resolved-config.yaml"));
        assertTrue(resolved.contains("executor: SPARK") && resolved.contains("master: \"local[2]\""), resolved);
        String resolvedHere = Files.readString(dir.resolve("here").resolve("resolved-config.yaml"));
        assertTrue(resolvedHere.contains("executor: IN_PROCESS"), resolvedHere);
        assertSameMetrics(dir.resolve("here"), dir.resolve("spark"));
        assertEquals(Files.readString(dir.resolve("here").resolve("evaluation").resolve("summary.csv")),
                Files.readString(dir.resolve("spark").resolve("evaluation").resolve("summary.csv")),
                "the evaluation of the same parameters");
    }

    @Test
    void aSparkRun_resumedFromItsCheckpoint_continuesAsTheUninterruptedRun(@TempDir Path dir) throws IOException {
        Path config = Path.of("examples/configs/navigation-2d.yaml");
        Path whole = dir.resolve("whole");
        assertEquals(Main.DONE, train(config, whole).status());
        Path run = dir.resolve("run");
        Cli first = train(config, run, "--master", "local[2]", "--set", "run.metaBatches=1");
        assertEquals(Main.DONE, first.status(), first.err());
        Path resolved = run.resolve("resolved-config.yaml");
        Files.writeString(resolved, Files.readString(resolved).replace("metaBatches: 1", "metaBatches: 2"));
        Cli resumed = Cli.run("resume", run.toString(), "--allow-config-change", "run.metaBatches");
        assertEquals(Main.DONE, resumed.status(), resumed.err());
        assertSameMetrics(whole, run);
    }

    private static void assertSameMetrics(Path a, Path b) throws IOException {
        List<String> x = Files.readAllLines(a.resolve("metrics.csv"));
        List<String> y = Files.readAllLines(b.resolve("metrics.csv"));
        assertTrue(x.size() >= 3, "a header and at least two batches: " + x);
        assertEquals(x.size(), y.size());
        List<String> header = List.of(x.get(0).split(",", -1));
        assertEquals(header, List.of(y.get(0).split(",", -1)));
        for (int row = 1; row < x.size(); row++) {
            String[] u = x.get(row).split(",", -1);
            String[] v = y.get(row).split(",", -1);
            for (int c = 0; c < header.size(); c++) {
                if (!header.get(c).endsWith("_s")) {
                    assertEquals(u[c], v[c], header.get(c) + ", batch row " + row);
                }
            }
        }
    }

    @Test
    void aMasterThatIsNoUrl_isRefusedInOneLine_beforeSparkStarts(@TempDir Path dir) {
        Cli c = train(Path.of("examples/configs/navigation-2d.yaml"), dir.resolve("run"), "--master", "cluster1");
        assertEquals(Main.BAD_USAGE, c.status());
        assertEquals("metarl4j: config examples/configs/navigation-2d.yaml: key 'run.master': master must be a Spark "
                + "master URL such as local[*] or spark://host:7077, got 'cluster1'", c.err().strip());
        Cli executor = train(Path.of("examples/configs/navigation-2d.yaml"), dir.resolve("run2"), "--set",
                "run.executor=GRID");
        assertEquals(Main.BAD_USAGE, executor.status());
        assertTrue(executor.err().contains("run.executor") && executor.err().contains("SPARK"), executor.err());
    }
}
