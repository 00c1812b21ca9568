package io.github.metarl4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metarl4j.experiment.config.ConfigFiles;
import io.github.metarl4j.experiment.config.ExperimentConfig;
import io.github.metarl4j.run.MetricsLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A family and a learner defined in test code, outside the library, named in YAML by their class
 * names with parameters of their own, trained, evaluated and resumed through the command line.
 */
class UserTypesCliTest {

    private static final String CONFIG = """
            name: user-types
            seed: 3
            family:
              type: io.github.metarl4j.cli.UserCorridorFamily
              horizon: 12
            policy: {type: categorical, hidden: [8], activation: TANH, dataType: FLOAT}
            learner:
              type: io.github.metarl4j.cli.LabelledMaml
              label: my-maml
              maml:
                innerStepSize: 0.5
                innerSteps: 1
                innerSampling: FRESH
                firstOrder: false
                fastBatch: 4
                metaBatch: 4
                gamma: 0.99
                gaeLambda: 1.0
                outer: TRPO
                trpo: {maxKl: 0.01, cgIterations: 10, cgDamping: 1.0e-5, lineSearchSteps: 15, backtrackRatio: 0.8}
                ppo: {clip: 0.2, epochs: 5, learningRate: 1.0e-3, decayBatches: 0}
            run: {metaBatches: 3, threads: 1, checkpointEvery: 1, keepCheckpoints: 2}
            evaluation: {tasks: 2, steps: 1, episodes: 4, baselines: [SCRATCH], stepSizes: [], target: 0.9}
            """;

    @Test
    void aUsersFamilyAndLearner_trainThroughTheCommandLine(@TempDir Path dir) throws IOException {
        Path config = dir.resolve("user.yaml");
        Files.writeString(config, CONFIG);
        Path run = dir.resolve("run");
        Cli c = Cli.run("train", "--config", config.toString(), "--out", run.toString());
        assertEquals(Main.DONE, c.status(), c.err());
        assertTrue(c.out().contains("my-maml"), c.out());
        String resolved = Files.readString(run.resolve("resolved-config.yaml"));
        assertTrue(resolved.contains("type: io.github.metarl4j.cli.UserCorridorFamily\n  horizon: 12"), resolved);
        assertTrue(resolved.contains("type: io.github.metarl4j.cli.LabelledMaml\n  label: my-maml"), resolved);
        assertEquals(ConfigFiles.read(config, ExperimentConfig.class), ConfigFiles.fromYaml(resolved, ExperimentConfig.class),
                "the resolved config reads back equal");
        assertEquals(List.of(0L, 1L, 2L), MetricsLog.batches(run));
        long steps = MetricsLog.envSteps(run);
        assertTrue(steps > 0 && steps <= 3 * 4 * 2 * 4 * 12, "4 tasks x 8 episodes of at most 12 steps, 3 times: " + steps);
        Cli resumed = Cli.run("resume", run.toString());
        assertEquals(Main.DONE, resumed.status(), resumed.err());
    }

    @Test
    void aUsersFamilyKeys_areCheckedLikeTheLibrarysOwn(@TempDir Path dir) throws IOException {
        Path config = dir.resolve("user.yaml");
        Files.writeString(config, CONFIG.replace("horizon: 12", "horizn: 12"));
        Cli c = Cli.run("train", "--config", config.toString(), "--out", dir.resolve("run").toString());
        assertEquals(Main.BAD_USAGE, c.status());
        assertEquals("metarl4j: config " + config + ": unknown key 'family.horizn'; did you mean 'horizon'? Valid keys "
                + "here: [horizon, type]", c.err().strip());
        Files.writeString(config, CONFIG.replace("horizon: 12", "horizon: 0"));
        Cli zero = Cli.run("train", "--config", config.toString(), "--out", dir.resolve("run").toString());
        assertEquals("metarl4j: config " + config + ": key 'family.horizon': horizon must be >= 1, got 0",
                zero.err().strip());
    }
}
