package io.github.metarl4j.run;

import io.github.metarl4j.algo.MetaStepReport;
import java.io.PrintWriter;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * What a training loop shows while it runs: a progress bar with rate and ETA on a terminal
 * ({@link #bar}), plain lines every few batches elsewhere, e.g. in CI ({@link #lines}), or nothing.
 */
public interface Progress {

    /** A training session of {@code name} starts (or resumes) after {@code done} of {@code total} batches. */
    void start(String name, long done, long total);

    /** Batch {@code done} of {@code total} finished with {@code report}. */
    void batch(String name, long done, long total, MetaStepReport report);

    /** A line to show as it is (resumption, stop request, warning). */
    void message(String line);

    /** A line to {@code out} every {@code every} batches and at the last (0: only messages). */
    static Progress lines(Consumer<String> out, int every) {
        return new ProgressLines(out, every, System::nanoTime);
    }

    /** A bar redrawn in place on {@code terminal} after every batch. */
    static Progress bar(PrintWriter terminal) {
        return new ProgressBar(terminal, System::nanoTime);
    }

    /** A bar on {@code out} when this process runs on a terminal, else a line there every {@code every} batches. */
    static Progress console(PrintWriter out, int every) {
        return System.console() != null ? bar(out) : lines(line -> {
            out.println(line);
            out.flush();
        }, every);
    }

    /** Shows nothing. */
    static Progress none() {
        return new ProgressLines(s -> { }, 0, () -> 0L);
    }

    /** Seconds per batch and the time left, from the batches done in this session; a clock in nanoseconds. */
    final class Pace {
        private final LongSupplier clock;
        private long startNanos;
        private long startDone;

        Pace(LongSupplier clock) {
            this.clock = clock;
        }

        void start(long done) {
            startNanos = clock.getAsLong();
            startDone = done;
        }

        /** {@code "1.84 s/batch, ETA 5m03s"}, or "" before the first batch of this session. */
        String describe(long done, long total) {
            long batches = done - startDone;
            if (batches <= 0) {
                return "";
            }
            double perBatch = (clock.getAsLong() - startNanos) / 1e9 / batches;
            return String.format(java.util.Locale.ROOT, "%.2f s/batch, ETA %s", perBatch,
                    duration(Math.round(perBatch * (total - done))));
        }

        /** {@code 0s}, {@code 4m05s}, {@code 2h07m}. */
        static String duration(long seconds) {
            if (seconds < 60) {
                return seconds + "s";
            }
            if (seconds < 3600) {
                return String.format(java.util.Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
            }
            return String.format(java.util.Locale.ROOT, "%dh%02dm", seconds / 3600, seconds % 3600 / 60);
        }
    }
}
