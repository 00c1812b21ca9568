package io.github.metarl4j.data.files;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

/** Conversions of a file's numeric columns, whatever type the file stored, with errors naming the key. */
final class Columns {

    private Columns() {
    }

    /** {@code values} (any primitive numeric array, or booleans as 0 and 1) as doubles. */
    static double[] doubles(String key, Object values) {
        if (values instanceof double[] d) {
            return d;
        }
        if (values instanceof float[] f) {
            double[] out = new double[f.length];
            for (int i = 0; i < f.length; i++) {
                out[i] = f[i];
            }
            return out;
        }
        if (values instanceof long[] l) {
            return Arrays.stream(l).asDoubleStream().toArray();
        }
        if (values instanceof int[] n) {
            return Arrays.stream(n).asDoubleStream().toArray();
        }
        if (values instanceof short[] s) {
            double[] out = new double[s.length];
            for (int i = 0; i < s.length; i++) {
                out[i] = s[i];
            }
            return out;
        }
        if (values instanceof byte[] b) {
            double[] out = new double[b.length];
            for (int i = 0; i < b.length; i++) {
                out[i] = b[i];
            }
            return out;
        }
        if (values instanceof boolean[] b) {
            double[] out = new double[b.length];
            for (int i = 0; i < b.length; i++) {
                out[i] = b[i] ? 1 : 0;
            }
            return out;
        }
        throw new IllegalArgumentException("key '" + key + "': expected numbers, got " + describe(values));
    }

    /**
     * {@code values} as flags: booleans, integers 0 and 1, or the names of h5py's boolean enum
     * ({@code FALSE}, {@code TRUE}).
     */
    static boolean[] flags(String key, Object values) {
        if (values instanceof boolean[] b) {
            return b;
        }
        if (values instanceof String[] names) {
            boolean[] out = new boolean[names.length];
            for (int i = 0; i < names.length; i++) {
                if (!names[i].equalsIgnoreCase("TRUE") && !names[i].equalsIgnoreCase("FALSE")) {
                    throw new IllegalArgumentException("key '" + key + "' row " + i + ": expected TRUE or FALSE, got '"
                            + names[i] + "'");
                }
                out[i] = names[i].equalsIgnoreCase("TRUE");
            }
            return out;
        }
        double[] d = doubles(key, values);
        boolean[] out = new boolean[d.length];
        for (int i = 0; i < d.length; i++) {
            if (d[i] != 0 && d[i] != 1) {
                throw new IllegalArgumentException("key '" + key + "' row " + i + ": expected 0 or 1, got " + d[i]);
            }
            out[i] = d[i] == 1;
        }
        return out;
    }

    static String describe(Object values) {
        return values == null ? "nothing" : values.getClass().getComponentType() != null
                ? values.getClass().getComponentType().getSimpleName() + " values" : values.getClass().getSimpleName();
    }

    /**
     * Each episode's task id from per-row ids that must be constant, whole numbers over each episode
     * (episodes end at a terminal or cut-short row); rows after the last end are ignored here.
     *
     * @param where names row i in an error ("key 'infos/task' row 3")
     */
    static int[] perEpisode(double[] perRow, boolean[] term, boolean[] trunc, IntFunction<String> where) {
        List<Integer> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < perRow.length; i++) {
            if (perRow[i] != perRow[start] || perRow[i] != Math.rint(perRow[i])) {
                throw new IllegalArgumentException(where.apply(i) + ": an episode's rows must share one whole task id, "
                        + "got " + perRow[i] + " after " + perRow[start]);
            }
            if (term[i] || trunc[i]) {
                out.add((int) perRow[start]);
                start = i + 1;
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }
}
