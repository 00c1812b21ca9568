package io.github.metarl4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metarl4j.experiment.config.ConfigFiles;
import io.github.metarl4j.experiment.config.ExperimentConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train --seeds}: one small sweep of the founding example's transfer part over two seeds,
 * its folder, summary and report; a seed's results equal those of a lone run of that seed (the
 * sweep runs seeds in parallel with fewer threads each); and bad seed lists are usage errors.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SweepCliTest {

    private Path dir;
    private Path sweep;
    private Cli swept;

    /** The transfer part shrunk to seconds, with extra arguments. */
    private static List<String> small(Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("train", "--config", "examples/configs/founding-transfer.yaml",
                "--out", out.toString(), "--set", "run.metaBatches=3", "--set", "learner.maml.fastBatch=4", "--set",
                "learner.maml.metaBatch=4", "--set", "policy.hidden=[16]", "--set", "evaluation.tasks=2", "--set",
                "evaluation.steps=2", "--set", "evaluation.episodes=4", "--set", "evaluation.stepSizes=[0.5, 1.0]"));
        args.addAll(List.of(extra));
        return args;
    }

    @BeforeAll
    void sweepOnce(@TempDir Path shared) {
        dir = shared;
        sweep = dir.resolve("sweep");
        swept = Cli.run(small(sweep, "--seeds", "1..2").toArray(String[]::new));
    }

    @Test
    void sweep_writesEverySeedsRun_theSummaryAndTheReport() throws IOException {
        assertEquals(Main.DONE, swept.status(), swept.err());
        for (String f : List.of("sweep.txt", "seed-1/resolved-config.yaml", "seed-2/evaluation/adaptation-test.csv",
                "seed-1/report.html", "summary-curves.csv", "summary-differences.csv", "summary-headline.csv",
                "report.html", "plots/sweep-curves.png", "plots/sweep-differences.png")) {
            assertTrue(Files.isRegularFile(sweep.resolve(f)), f);
        }
        assertEquals(List.of("1", "2"), Files.readAllLines(sweep.resolve("sweep.txt")));
        ExperimentConfig seed2 = ConfigFiles.read(sweep.resolve("seed-2/resolved-config.yaml"), ExperimentConfig.class);
        assertEquals(2, seed2.seed());
        assertTrue(swept.out().contains("founding-transfer, 2 training seeds"), swept.out());
        assertTrue(swept.out().contains("maml - pretrained"), swept.out());
        assertTrue(swept.out().contains("report " + sweep.resolve("report.html")), swept.out());
        assertEquals("k,maml_mean,maml_ci95,fine-tune_mean,fine-tune_ci95,pretrained_mean,pretrained_ci95,scratch_mean,"
                + "scratch_ci95", Files.readAllLines(sweep.resolve("summary-curves.csv")).get(0));
        assertEquals(4, Files.readAllLines(sweep.resolve("summary-curves.csv")).size(), "k = 0, 1, 2");
        String html = Files.readString(sweep.resolve("report.html"));
        assertTrue(html.contains("seed-1/report.html") && html.contains("Paired differences"), "links and differences");
    }

    @Test
    void aSeedOfTheSweep_equalsALoneRunOfThatSeed() throws IOException {
        Path lone = dir.resolve("lone");
        Cli c = Cli.run(small(lone, "--seed", "2").toArray(String[]::new));
        assertEquals(Main.DONE, c.status(), c.err());
        for (String f : List.of("evaluation/adaptation-test.csv", "evaluation/adaptation-validation.csv",
                "evaluation/step-sizes.csv", "evaluation/visits.csv")) {
            assertEquals(Files.readString(lone.resolve(f)), Files.readString(sweep.resolve("seed-2").resolve(f)), f);
        }
    }

    @Test
    void reportEvaluateAndResume_takeTheSweepsFolder() {
        assertEquals(Main.DONE, Cli.run("report", sweep.toString()).status());
        Cli resumed = Cli.run("resume", sweep.toString());
        assertEquals(Main.DONE, resumed.status(), resumed.err());
        assertTrue(resumed.out().contains("2 training seeds"), resumed.out());
        Cli e = Cli.run("evaluate", sweep.toString()); // the same settings: the files are rewritten unchanged
        assertEquals(Main.DONE, e.status(), e.err());
        assertTrue(e.out().contains("2 training seeds"), e.out());
    }

    @Test
    void badSeedLists_areUsageErrors() {
        Cli reversed = Cli.run(small(dir.resolve("bad1"), "--seeds", "5..2").toArray(String[]::new));
        assertEquals(Main.BAD_USAGE, reversed.status());
        assertTrue(reversed.err().contains("--seeds 5..2: a range A..B needs A <= B and at most 1000 seeds"),
                reversed.err());
        Cli words = Cli.run(small(dir.resolve("bad2"), "--seeds", "one,two").toArray(String[]::new));
        assertTrue(words.err().contains("--seeds one,two: expected A..B or a,b,c with integers"), words.err());
        Cli repeated = Cli.run(small(dir.resolve("bad3"), "--seeds", "1,1").toArray(String[]::new));
        assertTrue(repeated.err().contains("--seeds 1,1: seeds must not repeat"), repeated.err());
        Cli both = Cli.run(small(dir.resolve("bad4"), "--seeds", "1,2", "--seed", "3").toArray(String[]::new));
        assertEquals(Main.BAD_USAGE, both.status());
        assertTrue(both.err().contains("--seed and --seeds exclude each other"), both.err());
        Cli twoOut = Cli.run("train", "--config", "examples/configs/founding-transfer.yaml", "--config",
                "examples/configs/founding-hidden-goals.yaml", "--out", dir.resolve("bad5").toString());
        assertTrue(twoOut.err().contains("--out takes one --config, got 2"), twoOut.err());
        assertTrue(Files.notExists(dir.resolve("bad1")) && Files.notExists(dir.resolve("bad4")), "no folder on bad usage");
    }
}
