package io.github.metarl4j.experiment;

import io.github.metarl4j.eval.CensoredMedian;
import io.github.metarl4j.eval.ConfidenceInterval;
import io.github.metarl4j.eval.SeedSummary;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Writes a {@link SeedSummary} into a sweep's folder as CSV: {@code summary-curves.csv} (per k, each
 * arm's mean over seeds and 95% half-width), {@code summary-differences.csv} (per k, the learner minus
 * each baseline, paired over seeds) and {@code summary-headline.csv} (per arm: episodes to the target,
 * median with its distribution-free interval and the count of censored seeds, and the area under the
 * curve with its paired difference from the learner). In the headline an empty cell is a value never
 * observed (a median or bound beyond the budget) or one that does not apply; a half-width is NaN where
 * a single seed gives no interval.
 */
public final class SweepFiles {

    /** The across-seed curves. */
    public static final String CURVES = "summary-curves.csv";
    /** The paired differences. */
    public static final String DIFFERENCES = "summary-differences.csv";
    /** The per-arm headline figures. */
    public static final String HEADLINE = "summary-headline.csv";

    private SweepFiles() {
    }

    static void write(Path root, SeedSummary s, int budgetEpisodes) {
        StringBuilder curves = new StringBuilder("k");
        s.arms().forEach(a -> curves.append(',').append(a).append("_mean,").append(a).append("_ci95"));
        StringBuilder diffs = new StringBuilder("k");
        for (int a = 1; a < s.arms().size(); a++) {
            String name = s.arms().get(0) + "_minus_" + s.arms().get(a);
            diffs.append(',').append(name).append("_mean,").append(name).append("_ci95");
        }
        curves.append('\n');
        diffs.append('\n');
        for (int k = 0; k <= s.steps(); k++) {
            curves.append(k);
            diffs.append(k);
            for (int a = 0; a < s.arms().size(); a++) {
                append(curves, s.curves().get(a).get(k));
                if (a > 0) {
                    append(diffs, s.differences().get(a - 1).get(k));
                }
            }
            curves.append('\n');
            diffs.append('\n');
        }
        StringBuilder head = new StringBuilder("arm,seeds,fraction,episodes_median,episodes_lower,episodes_upper,"
                + "episodes_coverage,censored,budget_episodes,area_mean,area_ci95,area_difference_mean,"
                + "area_difference_ci95\n");
        for (int a = 0; a < s.arms().size(); a++) {
            head.append(s.arms().get(a)).append(',').append(s.seeds()).append(',').append(s.fraction() ? 1 : 0);
            if (s.fraction()) {
                CensoredMedian m = s.episodesToTarget().get(a);
                head.append(',').append(cell(m.median())).append(',').append(cell(m.lower())).append(',')
                        .append(cell(m.upper())).append(',').append(Double.isNaN(m.coverage()) ? ""
                                : String.format(Locale.ROOT, "%.4f", m.coverage())).append(',').append(m.censored())
                        .append(',').append(budgetEpisodes);
                append(head, s.areas().get(a));
                if (a > 0) {
                    append(head, s.areaDifferences().get(a - 1));
                } else {
                    head.append(",,");
                }
            } else {
                head.append(",,,,,,,,,,");
            }
            head.append('\n');
        }
        EvaluationFiles.write(root.resolve(CURVES), curves.toString());
        EvaluationFiles.write(root.resolve(DIFFERENCES), diffs.toString());
        EvaluationFiles.write(root.resolve(HEADLINE), head.toString());
    }

    private static void append(StringBuilder sb, ConfidenceInterval ci) {
        sb.append(String.format(Locale.ROOT, ",%.6f,%.6f", ci.mean(), ci.halfWidth()));
    }

    private static String cell(OptionalDouble v) {
        return v.isPresent() ? String.format(Locale.ROOT, "%.1f", v.getAsDouble()) : "";
    }

}
