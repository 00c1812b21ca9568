package io.github.metarl4j.examples;

import java.util.Arrays;

/** The small helpers the example mains share: flags and medians. */
final class BenchmarkArgs {

    private BenchmarkArgs() {
    }

    /** The word after {@code name} in {@code args}, or {@code fallback}. */
    static String stringArg(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    /** The integer after {@code name} in {@code args}, or {@code fallback}. */
    static int intArg(String[] args, String name, int fallback) {
        String value = stringArg(args, name, null);
        return value == null ? fallback : Integer.parseInt(value);
    }

    /** The number after {@code name} in {@code args}, or {@code fallback}. */
    static double doubleArg(String[] args, String name, double fallback) {
        String value = stringArg(args, name, null);
        return value == null ? fallback : Double.parseDouble(value);
    }

    static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
