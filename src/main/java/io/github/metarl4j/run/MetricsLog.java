package io.github.metarl4j.run;

import io.github.metarl4j.algo.MetaStepReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * A run's per-meta-batch metrics, one row per batch in {@code metrics.csv} and the same row as a
 * JSON object in {@code metrics.jsonl}: the batch index then every {@link MetaStepReport} column.
 * Rows are appended and flushed as batches finish; on resume, rows of batches after the checkpoint
 * are dropped first, so a resumed run's files hold the rows of an uninterrupted one.
 */
public final class MetricsLog {

    /** The columns, in order. */
    public static final List<String> COLUMNS = List.of("batch", "return_before", "return_after", "objective_before",
            "objective_after", "kl", "gradient_norm", "accepted", "backtracks", "env_steps", "sampling_s", "adaptation_s", "outer_s");

    private final Path csv;
    private final Path jsonl;

    /** The log in {@code dir}; writes the CSV header if the file does not exist yet. */
    public MetricsLog(Path dir) {
        this.csv = dir.resolve("metrics.csv");
        this.jsonl = dir.resolve("metrics.jsonl");
        try {
            if (!Files.exists(csv)) {
                Files.writeString(csv, String.join(",", COLUMNS) + "\n", StandardCharsets.UTF_8);
            }
            if (!Files.exists(jsonl)) {
                Files.writeString(jsonl, "", StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create metrics files in " + dir, e);
        }
    }

    /** Appends batch {@code batch}'s row (0-based) to both files. */
    public void append(long batch, MetaStepReport r) {
        Object[] values = {batch, r.returnBefore(), r.returnAfter(), r.objectiveBefore(), r.objectiveAfter(), r.kl(),
            r.gradientNorm(), r.accepted(), r.backtracks(), r.envSteps(), r.samplingSecs(), r.adaptationSecs(), r.outerSecs()};
        StringBuilder line = new StringBuilder();
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < values.length; i++) {
            String v = format(values[i]);
            line.append(i == 0 ? "" : ",").append(v);
            json.append(i == 0 ? "" : ",").append('"').append(COLUMNS.get(i)).append("\":")
                    .append(values[i] instanceof Double d && !Double.isFinite(d) ? "\"" + v + "\"" : v);
        }
        appendLine(csv, line.toString());
        appendLine(jsonl, json.append('}').toString());
    }

    /** Drops the rows of batches {@code >= batchesDone} (a resume from a checkpoint after {@code batchesDone}). */
    public void truncate(long batchesDone) {
        try {
            List<String> rows = Files.readAllLines(csv, StandardCharsets.UTF_8);
            List<String> keptCsv = rows.stream().limit(1 + Math.min(batchesDone, rows.size() - 1)).toList();
            Files.write(csv, keptCsv, StandardCharsets.UTF_8);
            List<String> json = Files.readAllLines(jsonl, StandardCharsets.UTF_8);
            Files.write(jsonl, json.stream().limit(Math.min(batchesDone, json.size())).toList(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot truncate metrics in " + csv.getParent(), e);
        }
    }

    /** The environment steps of every logged batch together. */
    public long envSteps() {
        int column = COLUMNS.indexOf("env_steps");
        try {
            return Files.readAllLines(csv, StandardCharsets.UTF_8).stream().skip(1).filter(l -> !l.isBlank())
                    .mapToLong(l -> Long.parseLong(l.split(",", -1)[column])).sum();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csv, e);
        }
    }

    /** The CSV file. */
    public Path csv() {
        return csv;
    }

    /** The JSON-lines file. */
    public Path jsonl() {
        return jsonl;
    }

    private static String format(Object v) {
        return String.valueOf(v); // doubles: the shortest text that reads back to the same value
    }

    private static void appendLine(Path file, String line) {
        try {
            Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file, e);
        }
    }
}
