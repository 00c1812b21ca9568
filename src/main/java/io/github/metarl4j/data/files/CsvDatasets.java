package io.github.metarl4j.data.files;

import io.github.metarl4j.data.TransitionDataset;
import io.github.metarl4j.space.Space;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Users' own logs as comma-separated text: a header naming the columns, then one transition per
 * line, episodes one after another. For observation width d and action width k the columns are
 * {@code obs_0 .. obs_(d-1)}, {@code action} (k = 1) or {@code action_0 .. action_(k-1)},
 * {@code reward}, {@code next_obs_0 .. next_obs_(d-1)}, {@code terminal}, {@code timeout}
 * ({@code 0}/{@code 1} or {@code true}/{@code false}), and optionally {@code task} (each episode's
 * task id) and {@code log_prob} (the behaviour policy's), in any order. An unknown column, a missing
 * one, a line of the wrong length or a value that is not a number is refused naming the line and
 * the column; the values are then checked like any dataset's.
 */
public final class CsvDatasets {

    private CsvDatasets() {
    }

    /**
     * Reads {@code file} for a family with these spaces.
     *
     * @throws IllegalArgumentException naming the file, the line and the column of what does not fit
     */
    public static TransitionDataset read(Path file, Space<?> observationSpace, Space<?> actionSpace) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("dataset file " + file + ": not UTF-8 text", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("dataset file " + file + ": cannot read it (" + e.getMessage() + ")", e);
        }
        try {
            return parse(lines, observationSpace.flatDim(), actionSpace.flatDim(), observationSpace, actionSpace)
                    .withProvenance(Map.of("file", file.toString()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("dataset file " + file + ": " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new IllegalArgumentException("dataset file " + file + ": " + e.getMessage(), e);
        }
    }

    /** The columns a file for these widths must have, in the order the header lists them here. */
    static List<String> required(int obsDim, int actDim) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < obsDim; i++) {
            out.add("obs_" + i);
        }
        if (actDim == 1) {
            out.add("action");
        } else {
            for (int i = 0; i < actDim; i++) {
                out.add("action_" + i);
            }
        }
        out.add("reward");
        for (int i = 0; i < obsDim; i++) {
            out.add("next_obs_" + i);
        }
        out.add("terminal");
        out.add("timeout");
        return out;
    }

    private static TransitionDataset parse(List<String> lines, int obsDim, int actDim, Space<?> obsSpace,
                                           Space<?> actSpace) {
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            throw new IllegalArgumentException("the file is empty; expected a header line naming the columns");
        }
        List<String> required = required(obsDim, actDim);
        String[] header = lines.get(0).strip().split(",", -1);
        Map<String, Integer> at = new HashMap<>();
        for (int c = 0; c < header.length; c++) {
            String name = header[c].strip();
            boolean known = required.contains(name) || name.equals("task") || name.equals("log_prob");
            if (!known) {
                throw new IllegalArgumentException("line 1: unknown column '" + name + "'; expected " + required
                        + " and optionally [task, log_prob]");
            }
            if (at.put(name, c) != null) {
                throw new IllegalArgumentException("line 1: column '" + name + "' appears twice");
            }
        }
        for (String name : required) {
            if (!at.containsKey(name)) {
                throw new IllegalArgumentException("line 1: missing column '" + name + "'; expected " + required
                        + " and optionally [task, log_prob]");
            }
        }
        List<double[]> rows = new ArrayList<>();
        for (int l = 1; l < lines.size(); l++) {
            if (lines.get(l).isBlank()) {
                continue;
            }
            String[] cells = lines.get(l).strip().split(",", -1);
            if (cells.length != header.length) {
                throw new IllegalArgumentException("line " + (l + 1) + ": " + cells.length + " values, expected "
                        + header.length + " (the header's columns)");
            }
            double[] row = new double[header.length];
            for (int c = 0; c < cells.length; c++) {
                row[c] = value(cells[c].strip(), header[c].strip(), l + 1);
            }
            rows.add(row);
        }
        int n = rows.size();
        double[] obs = new double[n * obsDim];
        double[] next = new double[n * obsDim];
        double[] act = new double[n * actDim];
        double[] rew = new double[n];
        boolean[] term = new boolean[n];
        boolean[] trunc = new boolean[n];
        double[] task = new double[n];
        double[] logp = new double[n];
        for (int i = 0; i < n; i++) {
            double[] r = rows.get(i);
            for (int j = 0; j < obsDim; j++) {
                obs[i * obsDim + j] = r[at.get("obs_" + j)];
                next[i * obsDim + j] = r[at.get("next_obs_" + j)];
            }
            for (int j = 0; j < actDim; j++) {
                act[i * actDim + j] = r[at.get(actDim == 1 ? "action" : "action_" + j)];
            }
            rew[i] = r[at.get("reward")];
            term[i] = flag(r[at.get("terminal")], "terminal", i);
            trunc[i] = flag(r[at.get("timeout")], "timeout", i);
            task[i] = at.containsKey("task") ? r[at.get("task")] : 0;
            logp[i] = at.containsKey("log_prob") ? r[at.get("log_prob")] : 0;
        }
        Optional<int[]> tasks = at.containsKey("task") ? Optional.of(Columns.perEpisode(task, term, trunc,
                i -> "line " + (i + 2) + ", column 'task'")) : Optional.empty();
        return TransitionDataset.of(obsSpace, actSpace, new TransitionDataset.Columns(obs, act, rew, next, term, trunc,
                tasks, at.containsKey("log_prob") ? Optional.of(logp) : Optional.empty()));
    }

    private static double value(String cell, String column, int line) {
        if (cell.equalsIgnoreCase("true")) {
            return 1;
        }
        if (cell.equalsIgnoreCase("false")) {
            return 0;
        }
        try {
            return Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("line " + line + ", column '" + column + "': expected a number, got '"
                    + cell + "'");
        }
    }

    private static boolean flag(double v, String column, int row) {
        if (v != 0 && v != 1) {
            throw new IllegalArgumentException("line " + (row + 2) + ", column '" + column + "': expected 0, 1, true or "
                    + "false, got " + v);
        }
        return v == 1;
    }
}
