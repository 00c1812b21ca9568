package io.github.metarl4j.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void anOfflineLearner_showsItsOwnFirstMetric_insteadOfReturns() {
        Metric nll = new Metric("nll", Metric.Kind.REAL, "nats", true, "negative log-likelihood");
        MetaStepReport offline = MetaStepReport.builder(List.of(Metric.RETURN_BEFORE, Metric.RETURN_AFTER, nll,
                        Metric.ENV_STEPS, Metric.SAMPLING_S, Metric.ADAPTATION_S, Metric.OUTER_S))
                .set(Metric.RETURN_BEFORE, Double.NaN).set(Metric.RETURN_AFTER, Double.NaN).set(nll, 1.38629)
                .set(Metric.ENV_STEPS, 0).set(Metric.SAMPLING_S, 0).set(Metric.ADAPTATION_S, 0).set(Metric.OUTER_S, 0.5)
                .build();
        List<String> out = new ArrayList<>();
        AtomicLong nanos = new AtomicLong();
        Progress p = new ProgressLines(out::add, 1, nanos::get);
        p.start("bc", 0, 2);
        nanos.set(1_000_000_000L);
        p.batch("bc", 1, 2, offline);
        assertEquals(List.of("  bc         batch    1/2: offline, nll 1.3863 (1.00 s/batch, ETA 1s)"), out);
        StringWriter text = new StringWriter();
        Progress bar = new ProgressBar(new PrintWriter(text), nanos::get);
        bar.start("bc", 0, 2);
        bar.batch("bc", 1, 2, offline);
        assertTrue(text.toString().endsWith("  nll 1.3863"), text.toString());
    }

    @Test
    void durations() {
        assertEquals("59s", Progress.Pace.duration(59));
        assertEquals("4m05s", Progress.Pace.duration(245));
        assertEquals("2h07m", Progress.Pace.duration(7620));
    }
}
