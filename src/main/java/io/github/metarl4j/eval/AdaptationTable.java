package io.github.metarl4j.eval;

import java.util.List;
import java.util.Locale;

/**
 * Adaptation curves side by side, as a text table for the terminal and as CSV: one row per
 * adaptation step k, one column (mean and 95% half-width) per curve.
 */
public final class AdaptationTable {

    private AdaptationTable() {
    }

    /** The curves' returns, or fractions of optimal when {@code fraction} (every curve must have them). */
    public static String text(List<AdaptationCurve> curves, boolean fraction) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-3s", "k"));
        for (AdaptationCurve c : curves) {
            sb.append(String.format(Locale.ROOT, "  %-18s", c.name()));
        }
        sb.append('\n');
        for (int k = 0; k <= steps(curves); k++) {
            sb.append(String.format(Locale.ROOT, "%-3d", k));
            for (AdaptationCurve c : curves) {
                ConfidenceInterval ci = (fraction ? c.fractionOfOptimal() : c.returns()).get(k);
                sb.append(ci.hasInterval() ? String.format(Locale.ROOT, "  %8.3f +- %-6.3f", ci.mean(), ci.halfWidth())
                        : String.format(Locale.ROOT, "  %8.3f %9s", ci.mean(), ""));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** CSV with header {@code k,<name>_return,<name>_return_ci95[,<name>_fraction,<name>_fraction_ci95]...}. */
    public static String csv(List<AdaptationCurve> curves) {
        StringBuilder sb = new StringBuilder("k");
        for (AdaptationCurve c : curves) {
            sb.append(',').append(c.name()).append("_return,").append(c.name()).append("_return_ci95");
            if (!c.fractionOfOptimal().isEmpty()) {
                sb.append(',').append(c.name()).append("_fraction,").append(c.name()).append("_fraction_ci95");
            }
        }
        sb.append('\n');
        for (int k = 0; k <= steps(curves); k++) {
            sb.append(k);
            for (AdaptationCurve c : curves) {
                ConfidenceInterval r = c.returns().get(k);
                sb.append(String.format(Locale.ROOT, ",%.6f,%.6f", r.mean(), r.halfWidth()));
                if (!c.fractionOfOptimal().isEmpty()) {
                    ConfidenceInterval f = c.fractionOfOptimal().get(k);
                    sb.append(String.format(Locale.ROOT, ",%.6f,%.6f", f.mean(), f.halfWidth()));
                }
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static int steps(List<AdaptationCurve> curves) {
        if (curves.isEmpty()) {
            throw new IllegalArgumentException("a table needs at least one curve");
        }
        int k = curves.get(0).steps();
        for (AdaptationCurve c : curves) {
            if (c.steps() != k) {
                throw new IllegalArgumentException("curves must have the same number of steps, got " + k + " and "
                        + c.steps() + " ('" + c.name() + "')");
            }
        }
        return k;
    }
}
