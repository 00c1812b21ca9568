package io.github.metarl4j.report;

import io.github.metarl4j.experiment.Sweep;
import io.github.metarl4j.experiment.config.ExperimentConfig;
import io.github.metarl4j.experiment.layout.RunDirectory;
import io.github.metarl4j.experiment.SweepFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A sweep's {@code report.html}, self-contained: the curves across training seeds with their 95%
 * bands, the paired differences between the learner and each baseline, the headline table (episodes
 * to the target with censoring, areas under the curve), every seed's budget and a link to every seed's
 * own report, which it writes too. Read from the sweep's files, so it can be written again at any time.
 */
final class SweepReport {

    private SweepReport() {
    }

    static Path write(Sweep sweep) {
        Path root = sweep.root();
        Path plots = root.resolve("plots");
        ExperimentConfig c = sweep.config();
        List<RunDirectory> runs = sweep.runs();
        for (RunDirectory run : runs) {
            HtmlReport.write(run);
        }
        StringBuilder body = new StringBuilder("<p>").append(HtmlReport.escape(c.learner().name())).append(" on the ")
                .append(HtmlReport.escape(c.family().getClass().getSimpleName())).append(" family, ")
                .append(runs.size()).append(" training seeds. Every interval is over training seeds; differences are "
                        + "paired (the same seed, tasks and episode generators).</p>\n");
        Path curvesCsv = root.resolve(SweepFiles.CURVES);
        if (!Files.exists(curvesCsv)) {
            body.append("<p>Not summarised yet: run <code>metarl4j resume ").append(HtmlReport.escape(root.toString()))
                    .append("</code>.</p>\n");
        } else {
            boolean fraction = fractions(root.resolve(SweepFiles.HEADLINE));
            String xLabel = c.learner().trialEpisodes().isPresent() ? "episode k of a trial"
                    : "adaptation steps k (" + c.evaluation().episodes() + " episodes each)";
            List<CurveSeries> curves = series(CsvTable.read(curvesCsv), fraction);
            String title = "Test tasks: mean over seeds";
            body.append("<h2>").append(title).append("</h2>\n")
                    .append(HtmlReport.image(plots, "sweep-curves.png", Charts.adaptationCurves(title, xLabel, curves),
                            title))
                    .append(HtmlReport.table(curves).replace("Mean over the tasks", "Mean over the seeds")
                            .replace("over tasks", "over seeds"));
            List<CurveSeries> diffs = series(CsvTable.read(root.resolve(SweepFiles.DIFFERENCES)), false);
            String dTitle = "Paired differences: learner minus each baseline";
            body.append("<h2>").append(dTitle).append("</h2>\n")
                    .append(HtmlReport.image(plots, "sweep-differences.png",
                            Charts.adaptationCurves(dTitle, xLabel, diffs), dTitle))
                    .append("<h2>Headline</h2>\n")
                    .append(HtmlReport.csvTable(root.resolve(SweepFiles.HEADLINE), "Episodes before the test curve "
                            + "first reaches the target fraction of the optimal return: median over seeds with its "
                            + "distribution-free interval (order statistics, coverage given), seeds that never reach it "
                            + "counted as censored, not dropped (an empty cell lies beyond the budget); area under the "
                            + "fraction-of-optimal curve (mean over k), mean over seeds and paired difference from the "
                            + "learner, with 95% t-intervals over seeds."));
        }
        body.append("<h2>Seeds</h2>\n<ul>\n");
        for (RunDirectory run : runs) {
            String rel = root.relativize(run.report()).toString();
            body.append("<li><a href=\"").append(HtmlReport.escape(rel)).append("\">").append(HtmlReport.escape(rel))
                    .append("</a></li>\n");
        }
        body.append("</ul>\n");
        for (RunDirectory run : runs) {
            body.append("<h3>Seed ").append(run.config().seed()).append(" budget</h3>\n")
                    .append(HtmlReport.budgets(run));
        }
        body.append("<h2>Config (first seed)</h2>\n<pre>")
                .append(HtmlReport.escape(HtmlReport.read(runs.get(0).root().resolve(RunDirectory.CONFIG))))
                .append("</pre>\n");
        String html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>"
                + HtmlReport.escape(c.name()) + " - MetaRL4J sweep</title>\n<style>\n" + HtmlReport.STYLE
                + "</style>\n</head>\n<body>\n<h1>" + HtmlReport.escape(c.name()) + " (" + runs.size() + " seeds)</h1>\n"
                + body + "</body>\n</html>\n";
        Path file = root.resolve("report.html");
        io.github.metarl4j.run.AtomicFiles.write(file, html);
        return file;
    }

    /** Whether the headline's first arm has fractions of the optimal return (its {@code fraction} cell is 1). */
    private static boolean fractions(Path headline) {
        List<String> lines = HtmlReport.read(headline).lines().filter(l -> !l.isBlank()).toList();
        int column = List.of(lines.get(0).split(",", -1)).indexOf("fraction");
        return lines.size() > 1 && column >= 0 && lines.get(1).split(",", -1)[column].equals("1");
    }

    /** The curves of a {@code k,<name>_mean,<name>_ci95,...} table, as fractions or as returns. */
    private static List<CurveSeries> series(CsvTable table, boolean fraction) {
        List<String> names = new ArrayList<>(table.columns().keySet());
        List<CurveSeries> out = new ArrayList<>();
        for (int i = 1; i + 1 < names.size(); i += 2) {
            String name = names.get(i).substring(0, names.get(i).length() - "_mean".length());
            double[] mean = table.column(names.get(i));
            double[] half = table.column(names.get(i + 1));
            out.add(fraction ? new CurveSeries(name, mean, half, mean, half)
                    : new CurveSeries(name.replace("_minus_", " - "), mean, half, null, null));
        }
        return out;
    }
}
