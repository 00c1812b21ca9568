package io.github.metarl4j.run;

import io.github.metarl4j.algo.MetaStepReport;
import io.github.metarl4j.algo.Metric;
import java.util.Locale;

/**
 * What a progress display says of one meta-batch: its returns, or, for an offline learner (which
 * observes no return: NaN), its first own metric.
 */
final class Headline {

    private Headline() {
    }

    /** "return B before adaptation, A after", or "offline, NAME V". */
    static String sentence(MetaStepReport r) {
        return offline(r) ? "offline, " + own(r)
                : String.format(Locale.ROOT, "return %.3f before adaptation, %.3f after", r.value(Metric.RETURN_BEFORE),
                r.value(Metric.RETURN_AFTER));
    }

    /** "return B -> A", or "NAME V" for an offline learner. */
    static String brief(MetaStepReport r) {
        return offline(r) ? own(r) : String.format(Locale.ROOT, "return %.3f -> %.3f", r.value(Metric.RETURN_BEFORE),
                r.value(Metric.RETURN_AFTER));
    }

    private static boolean offline(MetaStepReport r) {
        return Double.isNaN(r.value(Metric.RETURN_BEFORE)) && r.value(Metric.ENV_STEPS) == 0;
    }

    private static String own(MetaStepReport r) {
        return r.metrics().stream().filter(m -> !Metric.REQUIRED.contains(m)).findFirst()
                .map(m -> String.format(Locale.ROOT, "%s %.4f", m.name(), r.value(m))).orElse("no return observed");
    }
}
