package io.github.metarl4j.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A numeric CSV file read by column: {@code true}/{@code false} read as 1/0, {@code NaN} and
 * {@code Infinity} as themselves.
 *
 * @param columns each column's values, in the file's column order
 * @param rows    the number of data rows
 */
public record CsvTable(Map<String, double[]> columns, int rows) {

    /**
     * Reads {@code file}, which must have a header row and the same number of fields on every row;
     * a last line without its newline (a row still being appended) is left out.
     */
    public static CsvTable read(Path file) {
        List<String> lines;
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            // a row being appended by the run's writer is not read until its newline is there
            lines = text.substring(0, text.lastIndexOf('\n') + 1).lines().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(file + " is empty; expected a header row");
        }
        String[] header = lines.get(0).split(",", -1);
        double[][] values = new double[header.length][lines.size() - 1];
        for (int r = 1; r < lines.size(); r++) {
            String[] fields = lines.get(r).split(",", -1);
            if (fields.length != header.length) {
                throw new IllegalArgumentException(file + " line " + (r + 1) + " has " + fields.length
                        + " fields, expected " + header.length);
            }
            for (int c = 0; c < header.length; c++) {
                values[c][r - 1] = parse(fields[c], file, r + 1);
            }
        }
        Map<String, double[]> columns = new LinkedHashMap<>();
        for (int c = 0; c < header.length; c++) {
            columns.put(header[c], values[c]);
        }
        return new CsvTable(columns, lines.size() - 1);
    }

    /** Whether the table has a column {@code name}. */
    public boolean has(String name) {
        return columns.containsKey(name);
    }

    /** The column {@code name}. */
    public double[] column(String name) {
        double[] c = columns.get(name);
        if (c == null) {
            throw new IllegalArgumentException("no column '" + name + "'; columns: " + columns.keySet());
        }
        return c;
    }

    private static double parse(String field, Path file, int line) {
        return switch (field) {
            case "true" -> 1;
            case "false" -> 0;
            default -> {
                try {
                    yield Double.parseDouble(field);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(file + " line " + line + ": '" + field + "' is not a number", e);
                }
            }
        };
    }
}
