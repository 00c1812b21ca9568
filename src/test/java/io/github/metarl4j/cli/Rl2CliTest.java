package io.github.metarl4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metarl4j.experiment.layout.Role;
import io.github.metarl4j.experiment.layout.RunDirectory;
import io.github.metarl4j.run.Checkpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An RL^2 experiment through the command line: train, evaluate, report, resume. */
class Rl2CliTest {

    @TempDir
    Path dir;

    private static Cli train(Path out, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("train", "--config", "examples/configs/bandit-rl2.yaml",
                "--out", out.toString(), "--set", "run.metaBatches=4", "--set", "run.checkpointEvery=2", "--set",
                "learner.trials=16", "--set", "evaluation.tasks=10", "--set", "policy.hidden=8"));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void train_evaluatesEpisodesOfATrial_andWritesTheReport() throws IOException {
        Path run = dir.resolve("run");
        Cli c = train(run);
        assertEquals(Main.DONE, c.status(), c.err());
        assertTrue(c.out().contains("fraction of the optimal return in episode k of a trial"), c.out());
        assertTrue(c.out().contains("total reward of a trial:  rl2 "), c.out());
        List<String> table = Files.readAllLines(run.resolve("evaluation/adaptation-test.csv"));
        assertEquals("k,rl2_return,rl2_return_ci95,rl2_fraction,rl2_fraction_ci95,scratch_return,scratch_return_ci95,"
                + "scratch_fraction,scratch_fraction_ci95", table.get(0));
        assertEquals(11, table.size(), "k = 0..9: the 10 pulls of a trial");
        String header = Files.readAllLines(run.resolve("metrics.csv")).get(0);
        assertTrue(header.endsWith(",entropy,clip_fraction,explained_variance,updates,reward_error"), header);
        for (String column : List.of("kl", "gradient_norm", "entropy", "clip_fraction", "explained_variance", "updates",
                "reward_error")) {
            assertTrue(Files.size(run.resolve("plots/metric-" + column + ".png")) > 0, column);
        }
        assertTrue(Files.readString(run.resolve("report.html")).contains("<h3>Update diagnostics</h3>"));
        for (String f : List.of("checkpoints/checkpoint-000000004.bin", "plots/adaptation-test.png", "report.html")) {
            assertTrue(Files.isRegularFile(run.resolve(f)), f);
        }
        assertTrue(Files.notExists(run.resolve("pretrained")), "RL^2 has no pretrained reference");
    }

    @Test
    void resumeAfterLosingTheLastCheckpoint_endsInTheSameState() throws IOException {
        Path whole = dir.resolve("whole");
        assertEquals(Main.DONE, train(whole).status());
        Path cut = dir.resolve("cut");
        CliTest.copyTree(whole, cut);
        Files.delete(cut.resolve("checkpoints/checkpoint-000000004.bin"));
        Cli resumed = Cli.run("resume", cut.toString());
        assertEquals(Main.DONE, resumed.status(), resumed.err());
        assertTrue(resumed.out().contains("resuming after batch 2 of 4"), resumed.out());
        Checkpoint a = RunDirectory.open(whole).checkpoints(Role.LEARNER, 3).latest(s -> { }).orElseThrow();
        Checkpoint b = RunDirectory.open(cut).checkpoints(Role.LEARNER, 3).latest(s -> { }).orElseThrow();
        assertEquals(4, b.batchesDone());
        assertEquals(a.state(), b.state(), "parameters and Adam's state, bit for bit");
    }

    @Test
    void rl2OnContinuousActions_exitsWith2_beforeMakingARunDirectory() {
        Path run = dir.resolve("nav");
        Cli c = Cli.run("train", "--config", "examples/configs/bandit-rl2.yaml", "--out", run.toString(), "--set",
                "family={type: navigation, horizon: 10}");
        assertEquals(Main.BAD_USAGE, c.status());
        assertTrue(c.err().contains("learner rl2 needs a family with discrete actions, got Box"), c.err());
        assertTrue(Files.notExists(run), "no run directory for a config that cannot run");
    }

    @Test
    void aPolicyForTheOtherKindOfActions_exitsWith2_namingThePolicyType() {
        Path run = dir.resolve("cat");
        Cli c = Cli.run("train", "--config", "examples/configs/navigation-2d.yaml", "--out", run.toString(), "--set",
                "policy={type: categorical, hidden: [8], activation: TANH, dataType: FLOAT}");
        assertEquals(Main.BAD_USAGE, c.status());
        assertTrue(c.err().contains("key 'policy.type': categorical needs a family with discrete actions, got Box"),
                c.err());
        assertTrue(Files.notExists(run), "no run directory for a config that cannot run");
        Cli g = Cli.run("train", "--config", "examples/configs/founding-transfer.yaml", "--out", run.toString(),
                "--set", "policy={type: gaussian, hidden: [8], activation: TANH, initialLogStd: 0.0, dataType: FLOAT}");
        assertEquals(Main.BAD_USAGE, g.status());
        assertTrue(g.err().contains("key 'policy.type': gaussian needs a family with continuous (Box) actions"),
                g.err());
    }
}
