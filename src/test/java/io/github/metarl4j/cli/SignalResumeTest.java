package io.github.metarl4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metarl4j.run.Checkpoint;
import io.github.metarl4j.run.CheckpointStore;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Exact resume of a run whose process was stopped: by SIGTERM or SIGINT (the current meta-batch
 * finishes and is checkpointed) and by SIGKILL between checkpoints (the newest checkpoint holds the run). The
 * resumed run's checkpoints and metric rows (all but the timings) equal those of an uninterrupted
 * run of the same config.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignalResumeTest {

    private static final int BATCHES = 24;
    private static final int EVERY = 4;

    private Path dir;

    private Path reference;

    @BeforeAll
    void uninterruptedRun(@TempDir Path shared) {
        dir = shared;
        reference = dir.resolve("reference");
        assertEquals(Main.DONE, Cli.run(Cli.smallTrain(reference, BATCHES, EVERY).toArray(String[]::new)).status());
    }

    @Test
    void sigkillBetweenCheckpoints_thenResume_givesTheUninterruptedRun() throws Exception {
        Path run = dir.resolve("killed");
        Process p = start(run, EVERY, "");
        int rows = awaitRows(p, run, EVERY + 2);
        assertTrue(p.isAlive() && rows < BATCHES, "killed mid-run, after " + rows + " batches");
        for (String command : new String[] {"resume", "evaluate"}) {
            Cli second = Cli.run(command, run.toString());
            assertEquals(Main.BAD_USAGE, second.status(), command + " while the run trains: " + second.err());
            assertTrue(second.err().startsWith("metarl4j: run directory " + run + " is in use by process " + p.pid()
                    + ", host "), second.err());
        }
        Cli report = Cli.run("report", run.toString());
        assertEquals(Main.DONE, report.status(), "report reads a run while it trains: " + report.err());
        p.destroyForcibly();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(137, p.exitValue(), "SIGKILL");
        long checkpointed = latest(run, null).batchesDone();
        assertTrue(checkpointed >= EVERY && checkpointed % EVERY == 0, "checkpoint after " + checkpointed);
        assertTrue(Files.readString(run.resolve("provenance.json")).contains("\"end\" : null"), "it did not end");
        assertResumesToReference(run);
    }

    @ParameterizedTest(name = "SIG{0}")
    @ValueSource(strings = {"TERM", "INT"})
    void stopSignal_finishesTheBatch_checkpoints_thenResumeGivesTheUninterruptedRun(String signal) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse(signal.equals("INT") && sigintIgnored(),
                "SIGINT is ignored by this process tree (a background job without job control); a JVM started "
                        + "with it ignored never sees it, so there is nothing to test here");
        Path run = dir.resolve("signalled-" + signal);
        Process p = start(run, 1000, "");
        awaitRows(p, run, 2);
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).inheritIO().start();
        assertEquals(0, kill.waitFor(), "kill -" + signal);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(signal.equals("TERM") ? 143 : 130, p.exitValue(), "the signal's status after the shutdown hook");
        String out = Files.readString(run.resolveSibling(run.getFileName() + ".log"));
        assertTrue(out.contains("stop requested; finishing the current meta-batch"), out);
        assertTrue(out.contains("stopped; continue with: metarl4j resume " + run), out);
        long rows = Files.readAllLines(run.resolve("metrics.csv")).size() - 1;
        assertTrue(rows < BATCHES, "stopped early, after " + rows);
        assertEquals(rows, latest(run, null).batchesDone(), "a checkpoint at the batch where it stopped");
        assertResumesToReference(run);
    }

    @Test
    void twoResumesAtOnce_oneWaitsOut_andTheRunIsTheUninterruptedOne() throws Exception {
        Path run = dir.resolve("twice");
        Process p = start(run, EVERY, "");
        awaitRows(p, run, EVERY + 2);
        p.destroyForcibly();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        Process a = resume(run, "a");
        Process b = resume(run, "b");
        assertTrue(a.waitFor(300, TimeUnit.SECONDS) && b.waitFor(300, TimeUnit.SECONDS));
        List<Integer> statuses = new ArrayList<>(List.of(a.exitValue(), b.exitValue()));
        java.util.Collections.sort(statuses);
        assertEquals(List.of(Main.DONE, Main.BAD_USAGE), statuses, "one resumed, one was refused");
        Process winner = a.exitValue() == Main.DONE ? a : b;
        String loser = Files.readString(run.resolveSibling(run.getFileName() + (winner == a ? ".b" : ".a") + ".log"));
        assertTrue(loser.contains("is in use by process " + winner.pid()), loser);
        assertFalse(loser.contains("\tat "), "no stack trace: " + loser);
        assertEqualsReference(run);
    }

    @Test
    void fileSizeLimitAtTheFirstCheckpoint_failsInOneLine_thenResumeGivesTheUninterruptedRun() throws Exception {
        Path run = dir.resolve("full");
        failsUnderFileSizeLimit(run, 16, "metarl4j: failed: cannot write checkpoint " + run.resolve("checkpoints")
                .resolve("checkpoint-000000004.bin") + ": File too large");
        try (var files = Files.walk(run)) {
            assertTrue(files.noneMatch(f -> f.toString().endsWith(".tmp")), "no temporary file left");
        }
        assertEquals(Main.DONE, Cli.run("report", run.toString()).status());
        String html = Files.readString(run.resolve("report.html"));
        assertTrue(html.contains("meta-batches done (in the newest checkpoint)</td><td class=\"key\">0 of " + BATCHES)
                && html.contains("meta-batches logged after it (redone on resume)</td><td class=\"key\">4<"), html);
        Cli resumed = Cli.run("resume", run.toString());
        assertEquals(Main.DONE, resumed.status(), resumed.err());
        assertTrue(resumed.out().contains("maml: no intact checkpoint in " + run.resolve("checkpoints") + " for the 4 "
                + "logged batches; training restarts from batch 0"), resumed.out());
        assertEqualsReference(run);
    }

    @Test
    void fileSizeLimitAtTrain_leavesNoRunDirectory() throws Exception {
        Path run = dir.resolve("full-at-start");
        failsUnderFileSizeLimit(run, 1, "metarl4j: failed: cannot create run directory " + run + ": File too large");
        assertFalse(Files.exists(run), "no half-made run directory to block the next train");
    }

    /** Trains into {@code run} with files limited to {@code kib} KiB; asserts status 1 with {@code message} and no stack trace. */
    private static void failsUnderFileSizeLimit(Path run, int kib, String message) throws Exception {
        Process p = start(run, EVERY, "ulimit -f " + kib + "; ");
        assertTrue(p.waitFor(180, TimeUnit.SECONDS));
        String log = Files.readString(run.resolveSibling(run.getFileName() + ".log"));
        assertEquals(Main.FAILURE, p.exitValue(), log);
        assertTrue(log.contains(message), log);
        assertFalse(log.contains("\tat "), "no stack trace: " + log);
    }

    private void assertResumesToReference(Path run) throws IOException {
        Cli resumed = Cli.run("resume", run.toString());
        assertEquals(Main.DONE, resumed.status(), resumed.err());
        assertTrue(resumed.out().contains("maml: resuming after batch"), resumed.out());
        assertEqualsReference(run);
    }

    private void assertEqualsReference(Path run) throws IOException {
        for (String role : new String[] {null, "pretrained"}) {
            Checkpoint a = latest(reference, role);
            Checkpoint b = latest(run, role);
            // MAML runs the configured batches; the pretrained policy as many updates as MAML's steps take
            assertEquals(role == null ? BATCHES : a.batchesDone(), b.batchesDone(), "updates of " + role);
            assertEquals(a.state(), b.state(), "parameters and optimiser state of " + role);
            assertEquals(withoutTimings(folder(reference, role)), withoutTimings(folder(run, role)), "metric rows");
        }
        assertEquals(Files.readString(reference.resolve("evaluation/adaptation-test.csv")),
                Files.readString(run.resolve("evaluation/adaptation-test.csv")));
        assertTrue(Files.exists(run.resolve("provenance-resume-1.json")));
    }

    private static Path folder(Path run, String role) {
        return role == null ? run : run.resolve(role);
    }

    private static Checkpoint latest(Path run, String role) {
        return new CheckpointStore(folder(run, role).resolve("checkpoints"), 3).latest(s -> { }).orElseThrow();
    }

    /** The metric rows without the three timing columns. */
    private static List<String> withoutTimings(Path folder) throws IOException {
        List<String> lines = Files.readAllLines(folder.resolve("metrics.csv"));
        int timings = List.of(lines.get(0).split(",")).indexOf("sampling_s");
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            out.add(String.join(",", List.of(line.split(",")).subList(0, timings)));
        }
        return out;
    }

    /**
     * {@code metarl4j train} in a JVM of its own, with the project's memory caps, after the shell
     * commands {@code shell} (a file-size limit); output to {@code RUN.log}.
     */
    private static Process start(Path run, int checkpointEvery, String shell) throws IOException {
        return launch(Cli.smallTrain(run, BATCHES, checkpointEvery), shell,
                run.resolveSibling(run.getFileName() + ".log"));
    }

    /** {@code metarl4j resume RUN} in a JVM of its own; output to {@code RUN.NAME.log}. */
    private static Process resume(Path run, String name) throws IOException {
        return launch(List.of("resume", run.toString()), "", run.resolveSibling(run.getFileName() + "." + name + ".log"));
    }

    private static Process launch(List<String> args, String shell, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-Dorg.bytedeco.javacpp.maxphysicalbytes=3g", "-Djava.awt.headless=true", "-cp",
                System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(args);
        StringBuilder script = new StringBuilder(shell).append("exec");
        for (String word : command) {
            script.append(" '").append(word.replace("'", "'\\''")).append('\'');
        }
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", script.toString()).redirectErrorStream(true)
                .redirectOutput(new File(log.toString()));
        pb.environment().put("OMP_NUM_THREADS", "1");
        return pb.start();
    }

    /** Whether this process ignores SIGINT (then so does every process it starts). */
    private static boolean sigintIgnored() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return false;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseUnsignedLong(line.substring(7).strip(), 16) & (1L << (2 - 1))) != 0;
            }
        }
        return false;
    }

    /** Waits until the learner's metrics have at least {@code rows} rows; returns how many there are. */
    private static int awaitRows(Process p, Path run, int rows) throws Exception {
        Path csv = run.resolve("metrics.csv");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline && p.isAlive()) {
            if (Files.exists(csv)) {
                int n = Files.readAllLines(csv).size() - 1;
                if (n >= rows) {
                    return n;
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the run did not reach " + rows + " batches; alive " + p.isAlive() + "\n"
                + Files.readString(run.resolveSibling(run.getFileName() + ".log")));
    }
}
