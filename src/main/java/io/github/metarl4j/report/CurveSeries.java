package io.github.metarl4j.report;

import java.util.ArrayList;
import java.util.List;

/**
 * One curve of an evaluation table ({@code evaluation/adaptation-*.csv}, written by
 * {@link io.github.metarl4j.eval.AdaptationTable#csv}): per adaptation step k, the mean and the
 * 95% half-width of the return and, where the family has an oracle, of the fraction of optimal.
 *
 * @param name         the curve's name ("maml", "pretrained")
 * @param returns      {@code [K + 1]} mean returns
 * @param returnsCi    {@code [K + 1]} their half-widths
 * @param fractions    {@code [K + 1]} mean fractions of optimal, or null without an oracle
 * @param fractionsCi  {@code [K + 1]} their half-widths, or null
 */
public record CurveSeries(String name, double[] returns, double[] returnsCi, double[] fractions, double[] fractionsCi) {

    /** The curves of an evaluation table, in its column order. */
    public static List<CurveSeries> of(CsvTable table) {
        List<String> names = new ArrayList<>(table.columns().keySet());
        if (names.isEmpty() || !names.get(0).equals("k")) {
            throw new IllegalArgumentException("an evaluation table starts with column 'k', got " + names);
        }
        List<CurveSeries> out = new ArrayList<>();
        for (int i = 1; i < names.size(); ) {
            String column = names.get(i);
            if (!column.endsWith("_return")) {
                throw new IllegalArgumentException("expected a '<name>_return' column, got '" + column + "'");
            }
            String name = column.substring(0, column.length() - "_return".length());
            boolean fraction = i + 2 < names.size() && names.get(i + 2).equals(name + "_fraction");
            out.add(new CurveSeries(name, table.column(column), table.column(name + "_return_ci95"),
                    fraction ? table.column(name + "_fraction") : null,
                    fraction ? table.column(name + "_fraction_ci95") : null));
            i += fraction ? 4 : 2;
        }
        return out;
    }

    /** Whether the curve has fractions of the optimal return. */
    public boolean hasFractions() {
        return fractions != null;
    }
}
