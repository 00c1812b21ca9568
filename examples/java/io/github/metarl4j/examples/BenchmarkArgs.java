package io.github.metarl4j.examples;

import java.util.Arrays;

/** The small helpers the benchmark mains share: numeric flags and medians. */
final class BenchmarkArgs {

    private BenchmarkArgs() {
    }

    /** The integer after {@code name} in {@code args}, or {@code fallback}. */
    static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }

    /** The number after {@code name} in {@code args}, or {@code fallback}. */
    static double doubleArg(String[] args, String name, double fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Double.parseDouble(args[i + 1]);
            }
        }
        return fallback;
    }

    static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
