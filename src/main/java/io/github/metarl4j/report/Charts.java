package io.github.metarl4j.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/** The report's plots as PNG images, drawn without a display. */
public final class Charts {

    /** Width of every image in pixels. */
    public static final int WIDTH = 760;
    /** Height of every image in pixels. */
    public static final int HEIGHT = 420;

    private static final Paint[] COLORS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
        new Color(0xff7f0e), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
        new Color(0xbcbd22), new Color(0x17becf)};

    private Charts() {
    }

    /**
     * Returns per meta-batch before and after adaptation, for each learner of the run.
     *
     * @param learners each learner's name and its {@code metrics.csv}, in legend order
     */
    public static byte[] trainingCurves(Map<String, CsvTable> learners) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (Map.Entry<String, CsvTable> learner : learners.entrySet()) {
            double[] batch = learner.getValue().column("batch");
            XYSeries before = new XYSeries(learner.getKey() + ", before adaptation");
            XYSeries after = new XYSeries(learner.getKey() + ", after adaptation");
            for (int i = 0; i < batch.length; i++) {
                before.add(batch[i] + 1, learner.getValue().column("return_before")[i]);
                after.add(batch[i] + 1, learner.getValue().column("return_after")[i]);
            }
            data.addSeries(before);
            data.addSeries(after);
        }
        JFreeChart chart = ChartFactory.createXYLineChart("Training: mean episode return per meta-batch",
                "meta-batch", "mean episode return", data, PlotOrientation.VERTICAL, true, false, false);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int s = 0; s < data.getSeriesCount(); s++) {
            renderer.setSeriesPaint(s, COLORS[(s / 2) % COLORS.length]);
            renderer.setSeriesStroke(s, s % 2 == 0 ? dashed() : new BasicStroke(2f));
        }
        XYPlot plot = style(chart).getXYPlot();
        plot.setRenderer(renderer);
        ((org.jfree.chart.axis.NumberAxis) plot.getDomainAxis()).setStandardTickUnits(
                org.jfree.chart.axis.NumberAxis.createIntegerTickUnits());
        return png(chart);
    }

    /** One metric of a learner's training per meta-batch ({@code column} of its metrics file). */
    public static byte[] metricCurve(String column, CsvTable metrics) {
        XYSeries series = new XYSeries(column);
        double[] batch = metrics.column("batch");
        double[] values = metrics.column(column);
        for (int i = 0; i < batch.length; i++) {
            if (Double.isFinite(values[i])) {
                series.add(batch[i] + 1, values[i]);
            }
        }
        JFreeChart chart = ChartFactory.createXYLineChart(column + " per meta-batch", "meta-batch", column,
                new XYSeriesCollection(series), PlotOrientation.VERTICAL, false, false, false);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setSeriesPaint(0, COLORS[0]);
        XYPlot plot = style(chart).getXYPlot();
        plot.setRenderer(renderer);
        ((org.jfree.chart.axis.NumberAxis) plot.getDomainAxis()).setStandardTickUnits(
                org.jfree.chart.axis.NumberAxis.createIntegerTickUnits());
        return png(chart);
    }

    /**
     * Adaptation curves over k = 0..K with their 95% confidence bands: fractions of the optimal
     * return with the oracle's line at 1 where every curve has them, else mean returns.
     *
     * @param xLabel what k is ("adaptation steps k", or "episode k of a trial" for an in-context learner)
     */
    public static byte[] adaptationCurves(String title, String xLabel, List<CurveSeries> curves) {
        boolean fraction = curves.stream().allMatch(CurveSeries::hasFractions);
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        for (CurveSeries c : curves) {
            YIntervalSeries s = new YIntervalSeries(c.name());
            double[] mean = fraction ? c.fractions() : c.returns();
            double[] half = fraction ? c.fractionsCi() : c.returnsCi();
            for (int k = 0; k < mean.length; k++) {
                double h = Double.isNaN(half[k]) ? 0 : half[k]; // one value: no band
                s.add(k, mean[k], mean[k] - h, mean[k] + h);
            }
            data.addSeries(s);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, xLabel,
                fraction ? "fraction of the optimal return" : "mean episode return", data, PlotOrientation.VERTICAL,
                true, false, false);
        DeviationRenderer renderer = new DeviationRenderer(true, true);
        renderer.setAlpha(0.18f);
        for (int s = 0; s < curves.size(); s++) {
            renderer.setSeriesPaint(s, COLORS[s % COLORS.length]);
            renderer.setSeriesFillPaint(s, COLORS[s % COLORS.length]);
            renderer.setSeriesStroke(s, new BasicStroke(2f));
        }
        XYPlot plot = style(chart).getXYPlot();
        plot.setRenderer(renderer);
        if (fraction) {
            ValueMarker oracle = new ValueMarker(1.0, Color.DARK_GRAY, dashed());
            oracle.setLabel("oracle");
            oracle.setLabelAnchor(RectangleAnchor.TOP_LEFT);
            oracle.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
            plot.addRangeMarker(oracle);
        }
        ((org.jfree.chart.axis.NumberAxis) plot.getDomainAxis()).setStandardTickUnits(
                org.jfree.chart.axis.NumberAxis.createIntegerTickUnits());
        return png(chart);
    }

    /**
     * A grouped bar chart of means with 95% whiskers, in the order the bars come: one group per
     * distinct {@link ScoreBar#group()}, one colour per distinct {@link ScoreBar#series()}.
     *
     * @param yLabel what the bars measure
     */
    public static byte[] scoreBars(String title, String yLabel, List<ScoreBar> bars) {
        DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
        for (ScoreBar b : bars) {
            data.add(b.mean(), Double.isNaN(b.halfWidth()) ? 0 : b.halfWidth(), b.series(), b.group());
        }
        JFreeChart chart = ChartFactory.createBarChart(title, null, yLabel, data, PlotOrientation.VERTICAL, true,
                false, false);
        chart.setBackgroundPaint(Color.WHITE);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        StatisticalBarRenderer renderer = new StatisticalBarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setErrorIndicatorPaint(Color.DARK_GRAY);
        renderer.setItemMargin(0.02);
        for (int s = 0; s < data.getRowCount(); s++) {
            renderer.setSeriesPaint(s, COLORS[s % COLORS.length]);
        }
        plot.setRenderer(renderer);
        return png(chart);
    }

    private static JFreeChart style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        return chart;
    }

    private static BasicStroke dashed() {
        return new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);
    }

    private static byte[] png(JFreeChart chart) {
        try {
            return ChartUtils.encodeAsPNG(chart.createBufferedImage(WIDTH, HEIGHT));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a chart as PNG", e);
        }
    }
}
