package io.github.metarl4j.experiment.layout;

import io.github.metarl4j.algo.Metric;
import io.github.metarl4j.experiment.config.ConfigFiles;
import io.github.metarl4j.experiment.config.ExperimentConfig;
import io.github.metarl4j.run.AtomicFiles;
import io.github.metarl4j.run.CheckpointStore;
import io.github.metarl4j.run.MetricsLog;
import io.github.metarl4j.run.Provenance;
import io.github.metarl4j.task.TaskSplit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A run's folder and its layout:
 * <pre>
 * resolved-config.yaml        the experiment exactly as run (reads back into an equal record)
 * provenance.json             what produced the run; provenance-resume-N.json for each resumption
 * metrics.csv, metrics.jsonl  one row per meta-batch of the learner
 * checkpoints/                the learner's checkpoints
 * pretrained/                 the pretrained reference's metrics and checkpoints, when it is evaluated
 * fine-tune/                  the fine-tuning reference's phase 1 (trained on the source tasks), when it is evaluated
 * evaluation/                 adaptation-validation.csv, adaptation-test.csv, step-sizes.csv, summary.csv
 * report.html                 the self-contained report
 * </pre>
 *
 * @param root the folder
 */
public record RunDirectory(Path root) {

    /** The resolved config's file name. */
    public static final String CONFIG = "resolved-config.yaml";

    /** Where a run of the experiment {@code name} goes unless told otherwise: {@code runs/NAME-yyyyMMdd-HHmmss}. */
    public static Path defaultRoot(String name) {
        return Path.of("runs", name + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    }

    /**
     * Creates {@code root} (which must not exist or be empty) and writes the resolved config
     * atomically; if that fails (a full disk), the folder is left as it was found.
     *
     * @throws IllegalArgumentException if {@code root} already holds files
     */
    public static RunDirectory create(Path root, ExperimentConfig config) {
        boolean existed = Files.isDirectory(root);
        requireEmpty(root);
        try {
            AtomicFiles.write(root.resolve(CONFIG), ConfigFiles.toYaml(config));
        } catch (UncheckedIOException e) {
            if (!existed) {
                try {
                    Files.deleteIfExists(root);
                } catch (IOException ignored) {
                    // the write failed; that failure is the one to report
                }
            }
            throw new UncheckedIOException("cannot create run directory " + root, e.getCause());
        }
        return new RunDirectory(root);
    }

    /**
     * Creates {@code root} unless it exists; it must hold no file.
     *
     * @throws IllegalArgumentException if {@code root} already holds files
     */
    public static void requireEmpty(Path root) {
        try {
            if (Files.isDirectory(root)) {
                try (Stream<Path> entries = Files.list(root)) {
                    if (entries.findAny().isPresent()) {
                        throw new IllegalArgumentException("run directory " + root + " already holds files; choose "
                                + "another --out, or continue that run with 'resume " + root + "'");
                    }
                }
            }
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create run directory " + root, e);
        }
    }

    /**
     * An existing run.
     *
     * @throws IllegalArgumentException if {@code root} holds no resolved config
     */
    public static RunDirectory open(Path root) {
        if (!Files.isRegularFile(root.resolve(CONFIG))) {
            throw new IllegalArgumentException(root + " is not a run directory: it has no " + CONFIG);
        }
        return new RunDirectory(root);
    }

    /** The experiment as it was resolved when the run was created. */
    public ExperimentConfig config() {
        return ConfigFiles.read(root.resolve(CONFIG), ExperimentConfig.class);
    }

    /** The metrics log of {@code role}, with its {@code columns}. */
    public MetricsLog metrics(Role role, List<Metric> columns) {
        return new MetricsLog(folder(role), columns);
    }

    /** The environment steps {@code role} has logged so far. */
    public long envSteps(Role role) {
        return MetricsLog.envSteps(role.in(root));
    }

    /** The checkpoints of {@code role}. */
    public CheckpointStore checkpoints(Role role, int keep) {
        return new CheckpointStore(folder(role).resolve("checkpoints"), keep);
    }

    /** The {@code metrics.csv} of {@code role}, which may not exist yet. */
    public Path metricsCsv(Role role) {
        return role.in(root).resolve("metrics.csv");
    }

    /** The evaluation table of {@code part} ({@code adaptation-validation.csv}, {@code adaptation-test.csv}), which may not exist yet. */
    public Path evaluationTable(TaskSplit.Part part) {
        return root.resolve("evaluation").resolve("adaptation-" + part.name().toLowerCase(Locale.ROOT) + ".csv");
    }

    /** A file of the evaluation folder ({@code step-sizes.csv}, {@code summary.csv}), which may not exist yet. */
    public Path evaluationFile(String name) {
        return root.resolve("evaluation").resolve(name);
    }

    /** The report's file. */
    public Path report() {
        return root.resolve("report.html");
    }

    /** Writes the provenance of this session: {@code provenance.json} first, then one file per resumption. */
    public Path writeProvenance(Provenance provenance) {
        Path file = root.resolve("provenance.json");
        for (int n = 1; Files.exists(file); n++) {
            file = root.resolve("provenance-resume-" + n + ".json");
        }
        provenance.write(file);
        return file;
    }

    /** Every session's provenance, the original run first. */
    public List<Provenance> provenance() {
        List<Provenance> out = new ArrayList<>();
        Path file = root.resolve("provenance.json");
        for (int n = 1; Files.exists(file); n++) {
            out.add(Provenance.read(file));
            file = root.resolve("provenance-resume-" + n + ".json");
        }
        return out;
    }

    private Path folder(Role role) {
        return role.isLearner() ? root : created(role.in(root));
    }

    private static Path created(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }
}
