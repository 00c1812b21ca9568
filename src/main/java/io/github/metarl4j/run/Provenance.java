package io.github.metarl4j.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * What produced a run, written to its {@code provenance.json}: the library version, the git commit
 * of the working directory where there is one, the JVM, the OS, the cores, the seed tree's root,
 * the start and end times, the command line and the config changes a resume was allowed.
 *
 * @param libraryVersion the library's version
 * @param gitCommit      {@code git rev-parse HEAD} in the working directory, or "unavailable"
 * @param jvm            the JVM's name and version
 * @param os             the OS's name, version and architecture
 * @param cores          available processors
 * @param seed           the seed tree's root
 * @param start          when the run (or this resumption of it) started, ISO-8601
 * @param end            when it ended, ISO-8601, or null while it runs
 * @param commandLine    the arguments it was started with
 * @param configChanges  the config keys this session was allowed to change from the checkpoints'
 *                       config ({@code run.metaBatches: 10 -> 20}); empty for most sessions
 */
public record Provenance(String libraryVersion, String gitCommit, String jvm, String os, int cores, long seed,
                         String start, String end, List<String> commandLine, List<String> configChanges) {

    /**
     * Checks the arguments and holds them:
     *
     * @param libraryVersion the library's version
     * @param gitCommit      {@code git rev-parse HEAD} in the working directory, or "unavailable"
     * @param jvm            the JVM's name and version
     * @param os             the OS's name, version and architecture
     * @param cores          available processors
     * @param seed           the seed tree's root
     * @param start          when the run (or this resumption of it) started, ISO-8601
     * @param end            when it ended, ISO-8601, or null while it runs
     * @param commandLine    the arguments it was started with
     * @param configChanges  the config keys this session was allowed to change from the checkpoints'
     *                       config ({@code run.metaBatches: 10 -> 20}); empty for most sessions
     */
    public Provenance {
        configChanges = configChanges == null ? List.of() : List.copyOf(configChanges);
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The provenance of a run starting now in this process. */
    public static Provenance capture(long seed, List<String> commandLine) {
        return new Provenance(readLibraryVersion(), readGitCommit(), System.getProperty("java.vm.name") + " "
                + System.getProperty("java.version"), System.getProperty("os.name") + " "
                + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(), seed, Instant.now().toString(), null,
                List.copyOf(commandLine), List.of());
    }

    /** This provenance recording the config changes {@code changes} its session was allowed. */
    public Provenance withConfigChanges(List<String> changes) {
        return new Provenance(libraryVersion, gitCommit, jvm, os, cores, seed, start, end, commandLine, changes);
    }

    /** This provenance with its end time set to now. */
    public Provenance ended() {
        return new Provenance(libraryVersion, gitCommit, jvm, os, cores, seed, start, Instant.now().toString(),
                commandLine, configChanges);
    }

    /** Writes it as JSON to {@code file}. */
    public void write(Path file) {
        try {
            AtomicFiles.write(file, JSON.writeValueAsString(this) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Reads one written by {@link #write}. */
    public static Provenance read(Path file) {
        try {
            return JSON.readValue(Files.readString(file), Provenance.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("provenance " + file + " is not valid: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static String readLibraryVersion() {
        try (InputStream in = Provenance.class.getResourceAsStream("metarl4j.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    static String readGitCommit() {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            boolean finished = git.waitFor(5, TimeUnit.SECONDS);
            return finished && git.exitValue() == 0 && out.matches("[0-9a-f]{40}") ? out : "unavailable";
        } catch (IOException e) {
            return "unavailable";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unavailable";
        }
    }
}
