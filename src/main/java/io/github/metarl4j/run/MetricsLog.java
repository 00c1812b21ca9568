package io.github.metarl4j.run;

import io.github.metarl4j.algo.MetaStepReport;
import io.github.metarl4j.algo.Metric;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * A run's per-meta-batch metrics, one row per batch in {@code metrics.csv} and the same row as a
 * JSON object in {@code metrics.jsonl}: the batch index then every metric the learner declares
 * ({@link io.github.metarl4j.algo.MetaLearner#metrics()}), in its order.
 * Rows are keyed by batch: the files hold batches 0, 1, 2, ... in order, each once, and a row
 * whose batch does not follow the last one is refused. Rows are appended and flushed as batches
 * finish; on resume, rows of batches after the checkpoint (and a row cut short by a crash) are
 * dropped first, so a resumed run's files hold the rows of an uninterrupted one. Only the holder of
 * the run's {@link RunLock} writes them.
 */
public final class MetricsLog {

    private final Path csv;
    private final Path jsonl;
    private final List<Metric> metrics;
    private final String header;
    private long next;

    /**
     * The log in {@code dir}; writes the CSV header if the file does not exist yet.
     *
     * @param dir     the folder of {@code metrics.csv} and {@code metrics.jsonl} (the run's, or a reference's)
     * @param metrics the learner's columns, after the batch index
     * @throws IllegalStateException if the file holds other columns (written by another learner)
     */
    public MetricsLog(Path dir, List<Metric> metrics) {
        this.csv = dir.resolve("metrics.csv");
        this.jsonl = dir.resolve("metrics.jsonl");
        this.metrics = List.copyOf(metrics);
        this.header = "batch," + String.join(",", metrics.stream().map(Metric::name).toList());
        try {
            if (!Files.exists(csv)) {
                AtomicFiles.write(csv, header + "\n");
            } else if (!completeLines(csv).isEmpty() && !completeLines(csv).get(0).equals(header)) {
                throw new IllegalStateException(csv + " has the columns " + completeLines(csv).get(0) + ", but the "
                        + "learner reports " + header);
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
        if (!r.metrics().equals(metrics)) {
            throw new IllegalArgumentException("the report's metrics " + r.metrics().stream().map(Metric::name).toList()
                    + " are not the log's " + metrics.stream().map(Metric::name).toList());
        }
        StringBuilder line = new StringBuilder().append(batch);
        StringBuilder json = new StringBuilder("{\"batch\":").append(batch);
        for (int i = 0; i < metrics.size(); i++) {
            double value = r.values()[i];
            String v = metrics.get(i).format(value);
            line.append(',').append(v);
            json.append(",\"").append(metrics.get(i).name()).append("\":")
                    .append(Double.isFinite(value) ? v : "\"" + v + "\"");
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
        StringBuilder keptCsv = new StringBuilder(header).append('\n');
        rows.stream().skip(1).limit(keep).forEach(l -> keptCsv.append(l).append('\n'));
        StringBuilder keptJson = new StringBuilder();
        json.stream().limit(Math.min(keep, json.size())).forEach(l -> keptJson.append(l).append('\n'));
        AtomicFiles.write(csv, keptCsv.toString());
        AtomicFiles.write(jsonl, keptJson.toString());
        next = keep;
    }

    /** The batch index of each complete row, in file order. */
    public List<Long> batches() {
        return batches(csv.getParent());
    }

    /** The batch index of each complete row of the metrics in {@code dir}, in file order (none if there is no file). */
    public static List<Long> batches(Path dir) {
        return rows(dir).stream()
                .map(l -> Long.parseLong(l.substring(0, l.indexOf(',') < 0 ? l.length() : l.indexOf(',')))).toList();
    }

    /** The environment steps of every logged batch of the metrics in {@code dir} together (0 if there is no file). */
    public static long envSteps(Path dir) {
        Path file = dir.resolve("metrics.csv");
        if (!Files.exists(file)) {
            return 0;
        }
        int column = List.of(completeLines(file).get(0).split(",", -1)).indexOf(Metric.ENV_STEPS.name());
        return rows(dir).stream().mapToLong(l -> Long.parseLong(l.split(",", -1)[column])).sum();
    }

    private static List<String> rows(Path dir) {
        Path file = dir.resolve("metrics.csv");
        return Files.exists(file) ? completeLines(file).stream().skip(1).filter(l -> !l.isBlank()).toList() : List.of();
    }

    /** The CSV file. */
    public Path csv() {
        return csv;
    }

    /** The JSON-lines file. */
    public Path jsonl() {
        return jsonl;
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
