package io.github.metarl4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metarl4j.run.Provenance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code resume} of a run whose {@code resolved-config.yaml} was edited after its checkpoints were
 * written: every change to what is trained is refused with exit 2, naming each key with its old
 * and new value, and leaves the run directory byte for byte as it was; a change of a safe key goes
 * on only when named with {@code --allow-config-change}, and is recorded in the session's provenance.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChangedConfigResumeTest {

    private Path trained;

    @BeforeAll
    void trainOne(@TempDir Path dir) {
        trained = dir.resolve("run");
        Cli c = Cli.run(Cli.smallTrain(trained, 4, 2).toArray(String[]::new));
        assertEquals(Main.DONE, c.status(), c.err());
    }

    static Stream<Arguments> edits() {
        return Stream.of(
                Arguments.of("seed: 1", "seed: 2", "seed: 1 -> 2"),
                Arguments.of("slip: 0.0", "slip: 0.5", "family.world.slip: 0.0 -> 0.5"),
                Arguments.of("outer: TRPO", "outer: PPO", "learner.maml.outer: TRPO -> PPO"),
                Arguments.of("hidden:\n  - 16", "hidden:\n  - 8", "policy.hidden: [16] -> [8]"),
                Arguments.of("innerStepSize: 0.5", "innerStepSize: 0.25", "learner.maml.innerStepSize: 0.5 -> 0.25"),
                Arguments.of("stepCost: 0.01", "stepCost: 0.02", "family.world.stepCost: 0.01 -> 0.02"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("edits")
    void changedTraining_isRefused_andTheRunIsUntouched(String from, String to, String change, @TempDir Path dir)
            throws IOException {
        Path run = copy(trained, dir.resolve("run"));
        edit(run, from, to);
        Map<String, String> before = digests(run);
        Cli c = Cli.run("resume", run.toString());
        assertEquals(Main.BAD_USAGE, c.status(), c.err());
        assertEquals("metarl4j: config " + run.resolve("resolved-config.yaml") + " differs from the config maml was "
                + "trained under (its checkpoint after batch 4): " + change + ". Restore the file, or start a new run; "
                + "only [name, run.metaBatches, run.threads, run.executor, run.master, run.checkpointEvery, run.keepCheckpoints, evaluation.*] "
                + "may change", c.err().strip());
        assertEquals(before, digests(run), "every file as it was");
    }

    @Test
    void fewerMetaBatchesThanDone_isRefused() throws IOException {
        Path run = copy(trained, trained.resolveSibling("fewer"));
        edit(run, "metaBatches: 4", "metaBatches: 2");
        Map<String, String> before = digests(run);
        Cli c = Cli.run("resume", run.toString(), "--allow-config-change", "run.metaBatches");
        assertEquals(Main.BAD_USAGE, c.status(), c.err());
        assertEquals("metarl4j: config " + run.resolve("resolved-config.yaml") + ": key 'run.metaBatches': 2 is below "
                + "the 4 meta-batches maml has done; it can only grow", c.err().strip());
        assertEquals(before, digests(run));
    }

    @Test
    void moreMetaBatches_needTheFlag_thenContinue_andAreRecorded() throws IOException {
        Path run = copy(trained, trained.resolveSibling("more"));
        edit(run, "metaBatches: 4", "metaBatches: 6");
        Cli refused = Cli.run("resume", run.toString());
        assertEquals(Main.BAD_USAGE, refused.status());
        assertTrue(refused.err().contains("run.metaBatches: 4 -> 6. Restore the file, or start a new run; to go on "
                + "with run.metaBatches changed, resume with --allow-config-change run.metaBatches"), refused.err());
        Cli unsafe = Cli.run("resume", run.toString(), "--allow-config-change", "seed");
        assertEquals(Main.BAD_USAGE, unsafe.status());
        assertEquals("metarl4j: --allow-config-change seed: only [name, run.metaBatches, run.threads, "
                + "run.executor, run.master, run.checkpointEvery, run.keepCheckpoints, evaluation.*] may change on resume; any other key changes "
                + "what is trained (start a new run instead)", unsafe.err().strip());
        Cli resumed = Cli.run("resume", run.toString(), "--allow-config-change", "run.metaBatches");
        assertEquals(Main.DONE, resumed.status(), resumed.err());
        assertTrue(resumed.out().contains("maml: resuming after batch 4 of 6"), resumed.out());
        List<Provenance> sessions = io.github.metarl4j.experiment.layout.RunDirectory.open(run).provenance();
        assertEquals(List.of("run.metaBatches: 4 -> 6"), sessions.get(sessions.size() - 1).configChanges());
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L), io.github.metarl4j.run.MetricsLog.batches(run));
        Cli again = Cli.run("resume", run.toString());
        assertEquals(Main.DONE, again.status(), "the checkpoints now carry the new config: " + again.err());
    }

    @Test
    void evaluationSettings_mayChangeWithTheFlag() throws IOException {
        Path run = copy(trained, trained.resolveSibling("evaluation"));
        edit(run, "target: 0.9", "target: 0.8");
        assertEquals(Main.BAD_USAGE, Cli.run("resume", run.toString()).status());
        Cli c = Cli.run("resume", run.toString(), "--allow-config-change", "evaluation.*");
        assertEquals(Main.DONE, c.status(), c.err());
        assertTrue(c.out().contains("config changes allowed since the checkpoints: evaluation.target: 0.9 -> 0.8"),
                c.out());
    }

    @Test
    void evaluateWithTasksPastTheMemory_isRefused_andTheRunIsUntouched() throws IOException {
        Map<String, String> before = digests(trained);
        Cli c = Cli.run("evaluate", trained.toString(), "--tasks", "2147483647");
        assertEquals(Main.BAD_USAGE, c.status(), c.err());
        assertTrue(c.err().startsWith("metarl4j: --tasks/--steps: key 'evaluation.tasks': 2147483647 makes one "
                + "evaluation round's environment steps (2147483647 x 4 x 72 x "), c.err());
        assertEquals(before, digests(trained));
    }

    private static void edit(Path run, String from, String to) throws IOException {
        Path config = run.resolve("resolved-config.yaml");
        String text = Files.readString(config);
        assertTrue(text.contains(from), "'" + from + "' in\n" + text);
        Files.writeString(config, text.replace(from, to));
    }

    static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path t = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(f, t);
                }
            }
        }
        return to;
    }

    /** Each file's SHA-256 by relative path, but the lock file's (which holds the last locker's PID). */
    static Map<String, String> digests(Path run) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(run)) {
            for (Path f : files.filter(f -> Files.isRegularFile(f) && !f.endsWith(".lock")).toList()) {
                try {
                    out.put(run.relativize(f).toString(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(Files.readAllBytes(f))));
                } catch (NoSuchAlgorithmException e) {
                    throw new AssertionError(e);
                }
            }
        }
        assertFalse(out.isEmpty());
        return out;
    }
}
