package io.github.metarl4j.run;

import io.github.metarl4j.algo.MetaStepReport;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress as one terminal line redrawn in place:
 * {@code maml       [#########-----------]  45/100  45%  1.84 s/batch, ETA 1m41s  return 0.412 -> 0.655}.
 */
final class ProgressBar implements Progress {

    static final int WIDTH = 20;

    private final PrintWriter out;
    private final Pace pace;
    private boolean open;

    ProgressBar(PrintWriter out, LongSupplier clock) {
        this.out = out;
        this.pace = new Pace(clock);
    }

    @Override
    public void start(String name, long done, long total) {
        pace.start(done);
    }

    @Override
    public void batch(String name, long done, long total, MetaStepReport r) {
        out.print("\r" + line(name, done, total, r));
        open = done < total;
        if (!open) {
            out.println();
        }
        out.flush();
    }

    /** The bar's text for batch {@code done} of {@code total}. */
    String line(String name, long done, long total, MetaStepReport r) {
        int filled = (int) (WIDTH * done / Math.max(1, total));
        return String.format(Locale.ROOT, "%-10s [%s%s] %4d/%d %3d%%  %s  %s", name,
                "#".repeat(filled), "-".repeat(WIDTH - filled), done, total, 100 * done / Math.max(1, total),
                pace.describe(done, total), Headline.brief(r));
    }

    @Override
    public void message(String line) {
        if (open) {
            out.println();
            open = false;
        }
        out.println(line);
        out.flush();
    }
}
