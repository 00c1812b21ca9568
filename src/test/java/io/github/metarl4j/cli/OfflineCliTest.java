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
 * Offline learners through the command line: behaviour cloning and conservative Q-learning of datasets collected in the
 * experiment's family, trained, resumed and evaluated like any learner, with its data key checked.
 */
class OfflineCliTest {

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
              data: {type: collect, behaviour: random, epsilon: 0.0, tasks: 8, episodesPerTask: 5}
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
                + "Valid keys here: [behaviour, episodesPerTask, epsilon, tasks, type]", c.err().strip());
        Files.writeString(config, CONFIG.replace("behaviour: random", "behaviour: teacher"));
        Cli expert = Cli.run("train", "--config", config.toString(), "--out", dir.resolve("b").toString());
        assertEquals("metarl4j: config " + config + ": key 'learner.data.behaviour': behaviour must be one of [random, "
                + "expert, medium, mixed], got 'teacher'", expert.err().strip());
        Files.writeString(config, CONFIG.replace("epsilon: 0.0", "epsilon: 0.3"));
        Cli noisy = Cli.run("train", "--config", config.toString(), "--out", dir.resolve("b").toString());
        assertEquals("metarl4j: config " + config + ": key 'learner.data.epsilon': only the expert behaviour "
                + "takes a noise level; write 0 for random, got 0.3", noisy.err().strip());
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

    @Test
    void collect_writesTheDataset_andTrainingFromTheFileEqualsTrainingFromTheCollection(@TempDir Path dir)
            throws IOException {
        Path config = dir.resolve("bc.yaml");
        Files.writeString(config, CONFIG);
        Path data = dir.resolve("random.h5");
        Cli c = Cli.run("collect", "--config", config.toString(), "--out", data.toString());
        assertEquals(Main.DONE, c.status(), c.err());
        assertTrue(c.out().startsWith("wrote ") && c.out().contains(" transitions in 40 episodes"), c.out());
        var read = io.github.metarl4j.data.files.Hdf5Datasets.read(data,
                new io.github.metarl4j.space.Box(new double[81], filled(81, 1)), new io.github.metarl4j.space.Discrete(4));
        assertEquals("random", read.provenance().get("behaviour"));
        assertEquals("5", read.provenance().get("seed"));
        assertEquals("gridworld", read.provenance().get("family"));
        Path fromCollect = dir.resolve("a");
        assertEquals(Main.DONE, Cli.run("train", "--config", config.toString(), "--out", fromCollect.toString()).status());
        Path fileConfig = dir.resolve("bc-file.yaml");
        Files.writeString(fileConfig, CONFIG.replace("data: {type: collect, behaviour: random, epsilon: 0.0, tasks: 8, episodesPerTask: 5}",
                "data: {type: file, path: '" + data + "'}"));
        Path fromFile = dir.resolve("b");
        Cli trained = Cli.run("train", "--config", fileConfig.toString(), "--out", fromFile.toString());
        assertEquals(Main.DONE, trained.status(), trained.err());
        List<String> a = Files.readAllLines(fromCollect.resolve("metrics.csv"));
        List<String> b = Files.readAllLines(fromFile.resolve("metrics.csv"));
        int nll = List.of(a.get(0).split(",")).indexOf("nll");
        for (int i = 1; i < a.size(); i++) {
            assertEquals(a.get(i).split(",")[nll], b.get(i).split(",")[nll], "row " + i);
        }
        assertEquals(Main.BAD_USAGE, Cli.run("collect", "--config", config.toString(), "--out", data.toString()).status(),
                "an existing file is never overwritten");
    }

    @Test
    void badDataFiles_areReportedInOneLine_beforeARunDirectoryExists(@TempDir Path dir) throws IOException {
        Path config = dir.resolve("bc.yaml");
        Path none = dir.resolve("none.h5");
        Files.writeString(config, CONFIG.replace("data: {type: collect, behaviour: random, epsilon: 0.0, tasks: 8, episodesPerTask: 5}",
                "data: {type: file, path: '" + none + "'}"));
        Cli c = Cli.run("train", "--config", config.toString(), "--out", dir.resolve("run").toString());
        assertEquals(Main.BAD_USAGE, c.status());
        assertEquals("metarl4j: config " + config + ": key 'learner.data': dataset file " + none + ": no such file",
                c.err().strip());
        assertTrue(!Files.exists(dir.resolve("run")));
        Files.writeString(config, CONFIG.replace("data: {type: collect, behaviour: random, epsilon: 0.0, tasks: 8, episodesPerTask: 5}",
                "data: {type: file, path: data.txt}"));
        assertEquals("metarl4j: config " + config + ": key 'learner.data.path': path must name a .h5, .hdf5 or .csv "
                + "file, got 'data.txt'", Cli.run("train", "--config", config.toString(), "--out",
                dir.resolve("run").toString()).err().strip());
        Path maml = dir.resolve("maml.yaml");
        Files.writeString(maml, Files.readString(Path.of("examples/configs/founding-transfer.yaml")));
        Cli live = Cli.run("collect", "--config", maml.toString(), "--out", dir.resolve("x.h5").toString());
        assertEquals(Main.BAD_USAGE, live.status());
        assertEquals("metarl4j: config " + maml + ": learner maml samples live episodes and has no learner.data to "
                + "collect", live.err().strip());
    }

    @Test
    void conservativeQLearning_ofAnExpertDataset_trainsAndEvaluates(@TempDir Path dir) throws IOException {
        Path config = dir.resolve("cql.yaml");
        Files.writeString(config, CONFIG.replace("type: bc", "type: cql")
                .replace("bc: {batchSize: 128, stepsPerIteration: 20, learningRate: 0.01}",
                        "cql: {alpha: 1.0, gamma: 0.95, batchSize: 64, stepsPerIteration: 20, learningRate: 0.005}")
                .replace("behaviour: random, epsilon: 0.0", "behaviour: expert, epsilon: 0.3"));
        assertTrue(Files.readString(config).contains("type: cql"), "the config was rewritten");
        Path run = dir.resolve("run");
        Cli c = Cli.run("train", "--config", config.toString(), "--out", run.toString());
        assertEquals(Main.DONE, c.status(), c.err());
        assertTrue(c.out().contains("cql        batch    4/4: offline, td_error "), c.out());
        List<String> rows = Files.readAllLines(run.resolve("metrics.csv"));
        assertEquals("batch,return_before,return_after,td_error,cql_gap,q_data,env_steps,sampling_s,adaptation_s,outer_s",
                rows.get(0));
        for (String metric : List.of("td_error", "cql_gap", "q_data")) {
            assertTrue(Files.exists(run.resolve("plots").resolve("metric-" + metric + ".png")), metric);
        }
        assertTrue(Files.exists(run.resolve("evaluation").resolve("summary.csv")), "evaluated");
    }

    @Test
    void pessimisticValueIteration_trainsAndEvaluates(@TempDir Path dir) throws IOException {
        Path config = dir.resolve("pvi.yaml");
        Files.writeString(config, CONFIG.replace("type: bc", "type: pvi")
                .replace("bc: {batchSize: 128, stepsPerIteration: 20, learningRate: 0.01}", "beta: 0.1\n  gamma: 0.99")
                .replace("behaviour: random, epsilon: 0.0", "behaviour: expert, epsilon: 0.5"));
        Path run = dir.resolve("run");
        Cli c = Cli.run("train", "--config", config.toString(), "--out", run.toString(), "--set", "run.metaBatches=2");
        assertEquals(Main.DONE, c.status(), c.err());
        assertTrue(c.out().contains("pvi        batch    2/2: offline, value_seen "), c.out());
        assertTrue(Files.exists(run.resolve("plots").resolve("metric-value_seen.png")));
        assertTrue(c.out().contains("offline learner on fresh tasks of its data's distribution: normalised score "),
                c.out());
        List<String> score = Files.readAllLines(run.resolve("evaluation").resolve("offline-score.csv"));
        assertEquals("tasks,return,return_half_width,random,random_half_width,optimal,normalised,normalised_half_width",
                score.get(0));
        assertTrue(Double.parseDouble(score.get(1).split(",")[6]) > 90, "pvi on well-covered noisy-expert data: "
                + score.get(1));
        Files.writeString(config, Files.readString(config).replace("beta: 0.1", "beta: -1"));
        assertEquals("metarl4j: config " + config + ": key 'learner.beta': beta must be finite and >= 0, got -1.0",
                Cli.run("train", "--config", config.toString(), "--out", dir.resolve("bad").toString()).err().strip());
    }

    @Test
    void collect_mediumAndMixedDatasets_recordHowTheyWereMade(@TempDir Path dir) throws IOException {
        Path config = dir.resolve("bc.yaml");
        Files.writeString(config, CONFIG);
        var obs = new io.github.metarl4j.space.Box(new double[81], filled(81, 1));
        var act = new io.github.metarl4j.space.Discrete(4);
        Path medium = dir.resolve("medium.h5");
        assertEquals(Main.DONE, Cli.run("collect", "--config", config.toString(), "--out", medium.toString(), "--set",
                "learner.data.behaviour=medium").status());
        var m = io.github.metarl4j.data.files.Hdf5Datasets.read(medium, obs, act);
        assertTrue(m.provenance().get("behaviour").startsWith("medium: expert, epsilon 0."), m.provenance().toString());
        double eps = Double.parseDouble(m.provenance().get("medium_epsilon"));
        assertTrue(eps > 0 && eps < 1, "calibrated epsilon " + eps);
        Path mixed = dir.resolve("mixed.h5");
        assertEquals(Main.DONE, Cli.run("collect", "--config", config.toString(), "--out", mixed.toString(), "--set",
                "learner.data.behaviour=mixed", "--set", "learner.data.tasks=10").status());
        var x = io.github.metarl4j.data.files.Hdf5Datasets.read(mixed, obs, act);
        assertEquals(50, x.episodes(), "10 tasks x 5 episodes over five stages");
        assertEquals(10, java.util.Arrays.stream(x.episodeTasks().orElseThrow()).distinct().count(),
                "task ids stay distinct across the stages");
        assertTrue(x.behaviourLogProb().isPresent());
        Cli few = Cli.run("collect", "--config", config.toString(), "--out", dir.resolve("few.h5").toString(), "--set",
                "learner.data.behaviour=mixed", "--set", "learner.data.tasks=3");
        assertEquals(Main.BAD_USAGE, few.status());
        assertEquals("metarl4j: config " + config + ": key 'learner.data.tasks': tasks must be >= 5 for mixed (one fifth "
                + "per stage), got 3", few.err().strip());
    }

    private static double[] filled(int n, double v) {
        double[] out = new double[n];
        java.util.Arrays.fill(out, v);
        return out;
    }
}
