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
 * Rows are keyed by batch: the files hold batches 0, 1, 2, ... in order, each once, and a row
 * whose batch does not follow the last one is refused. Rows are appended and flushed as batches
 * finish; on resume, rows of batches after the checkpoint (and a row cut short by a crash) are
 * dropped first, so a resumed run's files hold the rows of an uninterrupted one. Only the holder of
 * the run's {@link RunLock} writes them.
 */
public final class MetricsLog {

    /** The columns, in order. */
    public static final List<String> COLUMNS = List.of("batch", "return_before", "return_after", "objective_before",
            "objective_after", "kl", "gradient_norm", "accepted", "backtracks", "env_steps", "sampling_s", "adaptation_s", "outer_s");

    private final Path csv;
    private final Path jsonl;
    private long next;

    /**
     * The log in {@code dir}; writes the CSV header if the file does not exist yet.
     *
     * @param dir the folder of {@code metrics.csv} and {@code metrics.jsonl} (the run's, or a reference's)
     */
    public MetricsLog(Path dir) {
        this.csv = dir.resolve("metrics.csv");
        this.jsonl = dir.resolve("metrics.jsonl");
        try {
            if (!Files.exists(csv)) {
                AtomicFiles.write(csv, String.join(",", COLUMNS) + "\n");
            }
            if (!Files.exists(jsonl)) {
                AtomicFiles.write(jsonl, "");
            }
        } catch (UncheckedIOException e) {
            throw new UncheckedIOException("cannot create metrics files in " + dir, e.getCause());
        }
        this.next = batches().size();
    }

    /**
     * Appends batch {@code batch}'s row (0-based) to both files.
     *
     * @throws IllegalStateException if {@code batch} does not follow the last batch in the files
     */
    public void append(long batch, MetaStepReport r) {
        if (batch != next) {
            throw new IllegalStateException(csv + " holds batches 0.." + (next - 1) + "; batch " + batch
                    + " cannot follow them (a second writer, or a resume without truncate)");
        }
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
        next = batch + 1;
    }

    /**
     * Keeps the rows of batches {@code < batchesDone} that run 0, 1, 2, ... without a gap (a resume
     * from a checkpoint after {@code batchesDone}); drops the rest, and a last row cut short.
     */
    public void truncate(long batchesDone) {
        List<Long> batches = batches();
        int keep = 0;
        while (keep < batches.size() && batches.get(keep) == keep && keep < batchesDone) {
            keep++;
        }
        List<String> rows = completeLines(csv);
        List<String> json = completeLines(jsonl);
        StringBuilder keptCsv = new StringBuilder(rows.isEmpty() ? String.join(",", COLUMNS) : rows.get(0)).append('\n');
        rows.stream().skip(1).limit(keep).forEach(l -> keptCsv.append(l).append('\n'));
        StringBuilder keptJson = new StringBuilder();
        json.stream().limit(Math.min(keep, json.size())).forEach(l -> keptJson.append(l).append('\n'));
        AtomicFiles.write(csv, keptCsv.toString());
        AtomicFiles.write(jsonl, keptJson.toString());
        next = keep;
    }

    /** The batch index of each complete row, in file order. */
    public List<Long> batches() {
        return completeLines(csv).stream().skip(1).filter(l -> !l.isBlank())
                .map(l -> Long.parseLong(l.substring(0, l.indexOf(',') < 0 ? l.length() : l.indexOf(',')))).toList();
    }

    /** The environment steps of every logged batch together. */
    public long envSteps() {
        int column = COLUMNS.indexOf("env_steps");
        return completeLines(csv).stream().skip(1).filter(l -> !l.isBlank())
                .mapToLong(l -> Long.parseLong(l.split(",", -1)[column])).sum();
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

    /** The lines of {@code file} that end in a newline (one being appended is not complete yet). */
    private static List<String> completeLines(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return text.substring(0, text.lastIndexOf('\n') + 1).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static void appendLine(Path file, String line) {
        try {
            Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file, e);
        }
    }
}
