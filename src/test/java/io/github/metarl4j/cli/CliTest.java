package io.github.metarl4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metarl4j.experiment.config.ConfigFiles;
import io.github.metarl4j.experiment.config.ExperimentConfig;
import io.github.metarl4j.experiment.layout.RunDirectory;
import io.github.metarl4j.run.Provenance;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command line in this JVM: usage, exit codes, one small run's directory and report. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CliTest {

    private Path dir;

    private Path run;
    private Cli trained;

    @BeforeAll
    void trainOnce(@TempDir Path shared) {
        dir = shared;
        run = dir.resolve("run");
        trained = Cli.run(Cli.smallTrain(run, 4, 2, "--seed", "7").toArray(String[]::new));
    }

    @ParameterizedTest
    @ValueSource(strings = {"train", "resume", "evaluate", "report", "check-env"})
    void everyCommandHasHelp(String command) {
        Cli c = Cli.run(command, "--help");
        assertEquals(Main.DONE, c.status());
        assertTrue(c.out().startsWith("Usage: metarl4j " + command), c.out());
    }

    @Test
    void badUsage_exitsWith2() {
        assertEquals(Main.BAD_USAGE, Cli.run().status());
        Cli noConfig = Cli.run("train");
        assertEquals(Main.BAD_USAGE, noConfig.status());
        assertTrue(noConfig.err().contains("Missing required option: '--config=FILE.yaml'"), noConfig.err());
        assertEquals(Main.BAD_USAGE, Cli.run("train", "--config", "x.yaml", "--speed", "2").status());
        assertEquals(Main.BAD_USAGE, Cli.run("fly").status());
        Cli notRun = Cli.run("resume", dir.toString());
        assertEquals(Main.BAD_USAGE, notRun.status());
        assertTrue(notRun.err().contains(dir + " is not a run directory: it has no resolved-config.yaml"), notRun.err());
    }

    @Test
    void badConfig_exitsWith2_namingFileKeyAndValue() {
        Cli c = Cli.run("train", "--config", "examples/configs/founding-transfer.yaml", "--out",
                dir.resolve("bad").toString(), "--set", "learner.maml.gamma=1.5");
        assertEquals(Main.BAD_USAGE, c.status());
        assertEquals("metarl4j: config examples/configs/founding-transfer.yaml: key 'learner.maml.gamma': gamma "
                + "must be in [0, 1], got 1.5", c.err().strip());
        assertTrue(Files.notExists(dir.resolve("bad")), "no run directory for a bad config");
    }

    @Test
    void trainingIntoAFullDirectory_exitsWith2() {
        Cli c = Cli.run(Cli.smallTrain(run, 4, 2).toArray(String[]::new));
        assertEquals(Main.BAD_USAGE, c.status());
        assertTrue(c.err().contains("already holds files"), c.err());
    }

    @Test
    void checkEnv_passesCustomFamily_failsBrokenOne_rejectsUnknownClass() {
        Cli ok = Cli.run("check-env", "io.github.metarl4j.examples.CustomFamily");
        assertEquals(Main.DONE, ok.status());
        assertTrue(ok.out().contains("conformance of 'corridor': passed"), ok.out());
        Cli broken = Cli.run("check-env", BrokenFamily.class.getName());
        assertEquals(Main.FAILURE, broken.status());
        assertTrue(broken.out().contains("FAIL observations-in-space"), broken.out());
        Cli unknown = Cli.run("check-env", "com.example.Nope");
        assertEquals(Main.BAD_USAGE, unknown.status());
        assertTrue(unknown.err().contains("name 'com.example.Nope' is not a class on the classpath"), unknown.err());
    }

    @Test
    void train_writesTheWholeRunDirectory() throws IOException {
        assertEquals(Main.DONE, trained.status(), trained.err());
        assertTrue(trained.out().contains("report " + run.resolve("report.html")), trained.out());
        for (String f : List.of("resolved-config.yaml", "provenance.json", "metrics.csv", "metrics.jsonl",
                "checkpoints/checkpoint-000000004.bin", "checkpoints/checkpoint-000000002.bin", "pretrained/metrics.csv",
                "pretrained/checkpoints/checkpoint-000000004.bin", "evaluation/adaptation-validation.csv",
                "evaluation/adaptation-test.csv", "evaluation/step-sizes.csv", "evaluation/summary.csv",
                "plots/training.png", "report.html")) {
            assertTrue(Files.isRegularFile(run.resolve(f)), f);
        }
        long mamlSteps = io.github.metarl4j.run.MetricsLog.envSteps(run);
        long pretrainedSteps = io.github.metarl4j.run.MetricsLog.envSteps(run.resolve("pretrained"));
        long pretrainedBatches = Files.readAllLines(run.resolve("pretrained/metrics.csv")).size() - 1;
        assertTrue(pretrainedSteps >= mamlSteps, "the pretrained reference gets at least the learner's environment "
                + "steps: " + pretrainedSteps + " against " + mamlSteps);
        assertTrue(pretrainedBatches >= 4 && pretrainedBatches <= 16, "pretrained meta-batches " + pretrainedBatches);
        ExperimentConfig resolved = ConfigFiles.read(run.resolve("resolved-config.yaml"), ExperimentConfig.class);
        assertEquals(7, resolved.seed());
        assertEquals(4, resolved.run().metaBatches());
        assertEquals(List.of(16), resolved.policy().widths());
        assertEquals(5, Files.readAllLines(run.resolve("metrics.csv")).size());
        Provenance p = Provenance.read(run.resolve("provenance.json"));
        assertEquals(7, p.seed());
        assertTrue(p.end() != null && p.end().compareTo(p.start()) >= 0, p.toString());
        assertEquals("metarl4j", p.commandLine().get(0));
        assertTrue(p.commandLine().contains("--seed"), p.commandLine().toString());
        assertEquals(List.of("k,maml_return,maml_return_ci95,maml_fraction,maml_fraction_ci95,pretrained_return,"
                + "pretrained_return_ci95,pretrained_fraction,pretrained_fraction_ci95,scratch_return,scratch_return_ci95,"
                + "scratch_fraction,scratch_fraction_ci95"), Files.readAllLines(run.resolve("evaluation/adaptation-test.csv"))
                .subList(0, 1));
    }

    @Test
    void report_isSelfContained_andEveryEmbeddedImageDecodes() throws IOException {
        String html = Files.readString(run.resolve("report.html"));
        Matcher m = Pattern.compile("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"").matcher(html);
        int images = 0;
        int charts = 0;
        while (m.find()) {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(m.group(1))));
            assertTrue(image != null, "image " + images + " decodes");
            charts += image.getWidth() == 760 && image.getHeight() == 420 ? 1 : 0;
            images++;
        }
        assertEquals(5, charts, "training curves, MAML's KL and gradient norm, and the test and validation adaptation plots");
        assertEquals(5 + 1 + 3, images, "the charts, the map, and the visits of maml, pretrained and scratch");
        assertTrue(html.contains("Where each arm went on the test tasks"), "the grid pictures' section");
        assertTrue(!html.contains("src=\"http") && !html.contains("<script") && !html.contains("<link"), "no external file");
        assertTrue(html.contains("name: founding-hidden-goals"), "the resolved config");
        assertTrue(html.contains("<td class=\"key\">seed</td><td class=\"key\">7</td>"), "the provenance");
        assertTrue(html.contains("meta-batches done (in the newest checkpoint)</td><td class=\"key\">4 of 4"), "the summary");
        assertTrue(html.contains("<th>maml (fraction of optimal)</th><th>pretrained (fraction of optimal)</th>"),
                "the adaptation table");
    }

    @Test
    void evaluate_withOtherSettings_rewritesTablesAndReport() throws IOException {
        Path copy = dir.resolve("evaluated");
        copyTree(run, copy);
        Cli c = Cli.run("evaluate", copy.toString(), "--tasks", "3", "--steps", "2");
        assertEquals(Main.DONE, c.status(), c.err());
        assertTrue(c.out().contains("Test tasks (3, disjoint from the training tasks)"), c.out());
        assertEquals(4, Files.readAllLines(copy.resolve("evaluation/adaptation-test.csv")).size(), "k = 0, 1, 2");
        assertEquals(4, Files.readAllLines(copy.resolve("evaluation/adaptation-validation.csv")).size(), "k = 0, 1, 2");
        assertEquals(Main.BAD_USAGE, Cli.run("evaluate", copy.toString(), "--tasks", "0").status());
        assertEquals(Main.DONE, Cli.run("report", copy.toString()).status());
    }

    @Test
    void evaluatingAnUnfinishedRun_exitsWith2() throws IOException {
        Path unfinished = dir.resolve("unfinished");
        RunDirectory.create(unfinished, ConfigFiles.read(run.resolve("resolved-config.yaml"), ExperimentConfig.class));
        Cli c = Cli.run("evaluate", unfinished.toString());
        assertEquals(Main.BAD_USAGE, c.status());
        assertTrue(c.err().contains("has finished 0 of 4 meta-batches; resume it first"), c.err());
        Cli report = Cli.run("report", unfinished.toString());
        assertEquals(Main.DONE, report.status(), report.err());
        assertTrue(Files.readString(unfinished.resolve("report.html")).contains("Not evaluated yet"));
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Files.copy(p, to.resolve(from.relativize(p).toString()));
            }
        }
    }
}
