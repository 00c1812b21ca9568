package io.github.metarl4j.run;

import io.github.metarl4j.algo.MetaStepReport;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/** Progress as plain lines every few batches, for logs and CI. */
final class ProgressLines implements Progress {

    private final Consumer<String> out;
    private final int every;
    private final Pace pace;

    ProgressLines(Consumer<String> out, int every, LongSupplier clock) {
        if (every < 0) {
            throw new IllegalArgumentException("every must be >= 0, got " + every);
        }
        this.out = out;
        this.every = every;
        this.pace = new Pace(clock);
    }

    @Override
    public void start(String name, long done, long total) {
        pace.start(done);
    }

    @Override
    public void batch(String name, long done, long total, MetaStepReport r) {
        if (every > 0 && (done % every == 0 || done == total)) {
            out.accept(String.format(Locale.ROOT, "  %-10s batch %4d/%d: %s (%s)",
                    name, done, total, Headline.sentence(r), pace.describe(done, total)));
        }
    }

    @Override
    public void message(String line) {
        out.accept(line);
    }
}
