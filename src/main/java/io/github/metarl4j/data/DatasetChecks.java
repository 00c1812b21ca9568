package io.github.metarl4j.data;

import io.github.metarl4j.space.Space;
import java.util.Arrays;

/** The checks {@link TransitionDataset#of} makes, each error naming the field and the row. */
final class DatasetChecks {

    private DatasetChecks() {
    }

    static int[] episodeStarts(boolean[] terminated, boolean[] truncated) {
        int n = terminated.length;
        int[] starts = new int[n + 1];
        int e = 0;
        for (int i = 0; i < n; i++) {
            if (terminated[i] && truncated[i]) {
                throw new IllegalArgumentException("row " + i + ": terminals and timeouts cannot both be true");
            }
            if (terminated[i] || truncated[i]) {
                starts[++e] = i + 1;
            }
        }
        if (starts[e] != n) {
            throw new IllegalArgumentException("row " + (n - 1) + ": the last transition must end its episode "
                    + "(terminals or timeouts true), got neither");
        }
        return Arrays.copyOf(starts, e + 1);
    }

    static int length(String field, double[] values, int width, int rows) {
        if (values == null) {
            throw new IllegalArgumentException(field + " must be given");
        }
        if (rows >= 0 && values.length != (long) rows * width) {
            throw new IllegalArgumentException(field + " must hold " + rows + " rows of " + width + " (" + (long) rows * width
                    + " values), got " + values.length + " values");
        }
        return values.length / width;
    }

    static void length(String field, boolean[] values, int rows) {
        if (values == null || values.length != rows) {
            throw new IllegalArgumentException(field + " must hold " + rows + " rows, got "
                    + (values == null ? "none" : values.length));
        }
    }

    static void finite(String field, double[] values, int width) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(field + " row " + i / width + ": must be finite, got " + values[i]);
            }
        }
    }

    static <T> void members(String field, Space<T> space, double[] values, int rows) {
        int width = space.flatDim();
        finite(field, values, width);
        for (int i = 0; i < rows; i++) {
            T value;
            try {
                value = space.read(values, i * width);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(field + " row " + i + ": " + e.getMessage(), e);
            }
            if (!space.contains(value)) {
                throw new IllegalArgumentException(field + " row " + i + ": "
                        + Arrays.toString(Arrays.copyOfRange(values, i * width, (i + 1) * width)) + " is outside " + space);
            }
        }
    }
}
