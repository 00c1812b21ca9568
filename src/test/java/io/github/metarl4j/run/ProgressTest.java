package io.github.metarl4j.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.metarl4j.algo.MetaStepReport;
import io.github.metarl4j.algo.Metric;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The progress display's text, on a clock the test moves by hand. */
class ProgressTest {

    private static final MetaStepReport REPORT = new MetaStepReport(Metric.POLICY_GRADIENT, new double[] {0.4123, 0.6551,
        1, 2, 0.01, 3, 1, 0, 1000, 0.1, 0.1, 0.1});

    @Test
    void lines_everyNBatchesAndTheLast_withRateAndEta() {
        AtomicLong nanos = new AtomicLong();
        List<String> out = new ArrayList<>();
        Progress p = new ProgressLines(out::add, 2, nanos::get);
        p.start("maml", 10, 15);
        for (long done = 11; done <= 15; done++) {
            nanos.addAndGet(2_000_000_000L);
            p.batch("maml", done, 15, REPORT);
        }
        assertEquals(List.of(
                "  maml       batch   12/15: return 0.412 before adaptation, 0.655 after (2.00 s/batch, ETA 6s)",
                "  maml       batch   14/15: return 0.412 before adaptation, 0.655 after (2.00 s/batch, ETA 2s)",
                "  maml       batch   15/15: return 0.412 before adaptation, 0.655 after (2.00 s/batch, ETA 0s)"), out);
    }

    @Test
    void bar_redrawsInPlace_andEndsItsLineBeforeAMessage() {
        AtomicLong nanos = new AtomicLong();
        StringWriter text = new StringWriter();
        Progress p = new ProgressBar(new PrintWriter(text), nanos::get);
        p.start("maml", 0, 200);
        nanos.set(45 * 1_840_000_000L);
        p.batch("maml", 45, 200, REPORT);
        p.message("stopping");
        assertEquals("\rmaml       [####----------------]   45/200  22%  1.84 s/batch, ETA 4m45s  return 0.412 -> 0.655\n"
                + "stopping\n", text.toString().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void durations() {
        assertEquals("59s", Progress.Pace.duration(59));
        assertEquals("4m05s", Progress.Pace.duration(245));
        assertEquals("2h07m", Progress.Pace.duration(7620));
    }
}
