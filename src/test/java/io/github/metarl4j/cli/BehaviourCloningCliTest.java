package io.github.metarl4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metarl4j.run.MetricsLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An offline learner through the command line: behaviour cloning of a dataset collected in the
 * experiment's family, trained, resumed and evaluated like any learner, with its data key checked.
 */
class BehaviourCloningCliTest {

    private static final String CONFIG = """
            name: bc-random
            seed: 5
            family:
              type: gridworld
              world: {map: four-rooms, slip: 0.0, stepCost: 0.01, goalReward: 1.0, horizon: 40, observation: ONE_HOT}
              starts: {train: all - top-left-quadrant, validation: top-left-quadrant - top-left, test: top-left}
              goals: {train: goal, validation: goal, test: goal}
              source: {start: bottom-left, goal: goal}
            policy: {type: categorical, hidden: [16], activation: TANH, dataType: FLOAT}
            learner:
              type: bc
              bc: {batchSize: 128, stepsPerIteration: 20, learningRate: 0.01}
              data: {type: collect, behaviour: random, tasks: 8, episodesPerTask: 5}
            run: {metaBatches: 4, threads: 2, checkpointEvery: 2, keepCheckpoints: 2}
            evaluation: {tasks: 3, steps: 0, episodes: 4, baselines: [SCRATCH], stepSizes: [], target: 0.9}
            """;

    @Test
    void behaviourCloning_ofACollectedDataset_trainsResumesAndEvaluates(@TempDir Path dir) throws IOException {
        Path config = dir.resolve("bc.yaml");
        Files.writeString(config, CONFIG);
        Path run = dir.resolve("run");
        Cli c = Cli.run("train", "--config", config.toString(), "--out", run.toString(), "--set", "run.metaBatches=2");
        assertEquals(Main.DONE, c.status(), c.err());
        assertEquals(List.of(0L, 1L), MetricsLog.batches(run));
        assertEquals(0, MetricsLog.envSteps(run), "an offline learner samples no training episode");
        Path resolved = run.resolve("resolved-config.yaml");
        Files.writeString(resolved, Files.readString(resolved).replace("metaBatches: 2", "metaBatches: 4"));
        Cli resumed = Cli.run("resume", run.toString(), "--allow-config-change", "run.metaBatches");
        assertEquals(Main.DONE, resumed.status(), resumed.err());
        assertEquals(List.of(0L, 1L, 2L, 3L), MetricsLog.batches(run));
        Path whole = dir.resolve("whole");
        assertEquals(Main.DONE, Cli.run("train", "--config", config.toString(), "--out", whole.toString()).status());
        List<String> rows = Files.readAllLines(run.resolve("metrics.csv"));
        List<String> wholeRows = Files.readAllLines(whole.resolve("metrics.csv"));
        int nll = List.of(rows.get(0).split(",")).indexOf("nll");
        for (int i = 1; i < rows.size(); i++) {
            assertEquals(wholeRows.get(i).split(",")[nll], rows.get(i).split(",")[nll],
                    "a resumed run trains from the same data, bit for bit: row " + i);
        }
        double last = Double.parseDouble(rows.get(rows.size() - 1).split(",")[nll]);
        assertEquals(Math.log(4), last, 0.05, "uniform behaviour's actions cloned: NLL near ln 4, got " + last);
        assertTrue(Files.exists(run.resolve("evaluation").resolve("summary.csv")), "evaluated");
        assertTrue(Files.exists(run.resolve("plots").resolve("metric-nll.png")), "the NLL is plotted");
        assertTrue(Files.readString(run.resolve("report.html")).contains("none observed (an offline learner"),
                "the report says no return was observed");
        assertTrue(c.out().contains("bc         batch    2/2: offline, nll "), c.out());
    }

    @Test
    void badDataKeys_areReportedInOneLine(@TempDir Path dir) throws IOException {
        Path config = dir.resolve("bc.yaml");
        Files.writeString(config, CONFIG.replace("behaviour: random", "behavior: random"));
        Cli c = Cli.run("train", "--config", config.toString(), "--out", dir.resolve("a").toString());
        assertEquals(Main.BAD_USAGE, c.status());
        assertEquals("metarl4j: config " + config + ": unknown key 'learner.data.behavior'; did you mean 'behaviour'? "
                + "Valid keys here: [behaviour, episodesPerTask, tasks, type]", c.err().strip());
        Files.writeString(config, CONFIG.replace("behaviour: random", "behaviour: expert"));
        Cli expert = Cli.run("train", "--config", config.toString(), "--out", dir.resolve("b").toString());
        assertEquals("metarl4j: config " + config + ": key 'learner.data.behaviour': behaviour must be one of [random], "
                + "got 'expert'", expert.err().strip());
        Files.writeString(config, CONFIG.replace("type: collect", "type: hdf5"));
        Cli unknown = Cli.run("train", "--config", config.toString(), "--out", dir.resolve("c").toString());
        assertEquals(Main.BAD_USAGE, unknown.status());
        assertTrue(unknown.err().contains("learner.data.type") && unknown.err().contains("collect"), unknown.err());
        Files.writeString(config, CONFIG);
        Cli huge = Cli.run("train", "--config", config.toString(), "--out", dir.resolve("d").toString(), "--set",
                "learner.data.tasks=2147483647");
        assertEquals(Main.BAD_USAGE, huge.status());
        assertTrue(huge.err().strip().startsWith("metarl4j: config " + config + ": key 'learner.data.tasks': 2147483647 "
                + "makes the collected dataset (2147483647 x 5 x 40 x "), huge.err());
        assertTrue(!Files.exists(dir.resolve("d")), "no run directory is left");
    }
}
