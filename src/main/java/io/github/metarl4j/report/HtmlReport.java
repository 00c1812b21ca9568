package io.github.metarl4j.report;

import io.github.metarl4j.envs.gridworld.Cell;
import io.github.metarl4j.experiment.config.GridWorldFamily;
import io.github.metarl4j.experiment.layout.Role;
import io.github.metarl4j.experiment.layout.RunDirectory;
import io.github.metarl4j.run.Provenance;
import io.github.metarl4j.task.TaskSplit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A run's {@code report.html}, self-contained (the plots are embedded as base64 PNG images, no
 * script, no external file): the summary, the training curves, for each held-out distribution the
 * adaptation curves and their table, the resolved config and every session's provenance. The plots
 * are also written as PNG files under {@code plots/}. Everything is read from the run directory,
 * so the report can be written again at any time.
 */
public final class HtmlReport {

    /** The metrics columns plotted as update diagnostics, where a learner reports them. */
    static final java.util.List<String> DIAGNOSTICS = java.util.List.of("kl", "gradient_norm", "entropy",
            "clip_fraction", "explained_variance", "updates", "reward_error", "nll", "td_error", "cql_gap", "q_data", "value_seen");

    private HtmlReport() {
    }

    /** Writes a sweep's {@code report.html} and {@code plots/*.png}; returns the report's path. */
    public static Path writeSweep(io.github.metarl4j.experiment.Sweep sweep) {
        return SweepReport.write(sweep);
    }

    /** Writes {@code report.html} and {@code plots/*.png} of {@code run}; returns the report's path. */
    public static Path write(RunDirectory run) {
        Path plots = run.root().resolve("plots");
        StringBuilder body = new StringBuilder();
        Map<String, CsvTable> metrics = new LinkedHashMap<>();
        String learner = run.config().learner().name();
        for (Role role : Role.ALL) {
            Path csv = run.metricsCsv(role);
            if (Files.exists(csv)) {
                metrics.put(role.arm(learner), CsvTable.read(csv));
            }
        }
        body.append(summary(run, metrics.get(learner)));
        if (metrics.values().stream().anyMatch(t -> t.rows() > 0)) {
            body.append("<h2>Training</h2>\n").append(image(plots, "training.png", Charts.trainingCurves(metrics),
                    "training curves"));
            body.append(diagnostics(plots, metrics.get(learner)));
        }
        for (TaskSplit.Part part : List.of(TaskSplit.Part.TEST, TaskSplit.Part.VALIDATION)) {
            Path table = run.evaluationTable(part);
            String title = part == TaskSplit.Part.TEST ? "Test tasks (held out: the results)"
                    : "Validation tasks (each arm at the step size chosen on them)";
            body.append("<h2>").append(title).append("</h2>\n");
            if (!Files.exists(table)) {
                body.append("<p>Not evaluated yet: run <code>metarl4j evaluate ").append(escape(run.root().toString()))
                        .append("</code>.</p>\n");
                continue;
            }
            List<CurveSeries> curves = CurveSeries.of(CsvTable.read(table));
            String name = "adaptation-" + part.name().toLowerCase(Locale.ROOT) + ".png";
            String xLabel = run.config().learner().trialEpisodes().isPresent() ? "episode k of a trial"
                    : "adaptation steps k (" + run.config().evaluation().episodes() + " episodes each)";
            body.append(image(plots, name, Charts.adaptationCurves(title, xLabel, curves), title))
                    .append(table(curves));
            if (part == TaskSplit.Part.TEST) {
                body.append(csvTable(run.evaluationFile("summary.csv"), "Per arm on the test tasks: area under the "
                        + "fraction-of-optimal curve (mean over k), the first k reaching the target and the episodes "
                        + "before it (empty: not reached within the budget)."));
                body.append(csvTable(run.evaluationFile("source.csv"), "The fine-tuning reference after phase 1, "
                        + "on its source tasks (before phase 2)."));
                body.append(csvTable(run.evaluationFile("step-sizes.csv"), "Validation score (mean return over "
                        + "k = 1..K) of every step size tried; the chosen one is marked 1."));
            }
        }
        if (run.config().family() instanceof GridWorldFamily grid) {
            body.append(gridSection(run, grid, plots));
        }
        body.append("<h2>Config</h2>\n<pre>").append(escape(read(run.root().resolve(RunDirectory.CONFIG))))
                .append("</pre>\n<h2>Provenance</h2>\n");
        List<Provenance> sessions = run.provenance();
        for (int i = 0; i < sessions.size(); i++) {
            body.append(provenance(i == 0 ? "Run" : "Resumption " + i, sessions.get(i)));
        }
        String html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>"
                + escape(run.config().name()) + " - MetaRL4J run</title>\n<style>\n" + STYLE + "</style>\n</head>\n<body>\n"
                + "<h1>" + escape(run.config().name()) + "</h1>\n" + body + "</body>\n</html>\n";
        Path file = run.report();
        io.github.metarl4j.run.AtomicFiles.write(file, html);
        return file;
    }

    static final String STYLE = """
            body { font-family: sans-serif; max-width: 960px; margin: 2em auto; color: #222; }
            table { border-collapse: collapse; margin: 0.5em 0 1.5em; }
            th, td { border: 1px solid #ccc; padding: 0.25em 0.6em; text-align: right; }
            th { background: #f3f3f3; } td.key { text-align: left; }
            pre { background: #f7f7f7; padding: 1em; overflow-x: auto; }
            img { max-width: 100%; }
            """;

    private static String summary(RunDirectory run, CsvTable main) {
        var c = run.config();
        StringBuilder sb = new StringBuilder("<p>").append(escape(c.learner().name())).append(" on the ")
                .append(escape(c.family().getClass().getSimpleName())).append(" family, seed ").append(c.seed())
                .append(".</p>\n<table>\n");
        long rows = main == null ? 0 : main.rows();
        long done = run.checkpoints(Role.LEARNER, c.run().keepCheckpoints()).latest(s -> { })
                .map(io.github.metarl4j.run.Checkpoint::batchesDone).orElse(0L);
        row(sb, "meta-batches done (in the newest checkpoint)", done + " of " + c.run().metaBatches());
        if (rows > done) {
            row(sb, "meta-batches logged after it (redone on resume)", String.valueOf(rows - done));
        }
        if (rows > 0) {
            int last = (int) rows - 1;
            double before = main.column("return_before")[last];
            row(sb, "last meta-batch: return before / after adaptation", Double.isNaN(before)
                    ? "none observed (an offline learner samples no training episode)"
                    : String.format(Locale.ROOT, "%.4f / %.4f", before, main.column("return_after")[last]));
        }
        return sb.append("</table>\n").append(budgets(run)).toString();
    }

    /** Each trained arm's budget: updates, environment steps and training time, from its metrics. */
    static String budgets(RunDirectory run) {
        StringBuilder sb = new StringBuilder("<table>\n<tr><th>trained arm</th><th>updates (meta-batches)</th>"
                + "<th>environment steps</th><th>training time</th></tr>\n");
        for (Budget b : Budget.of(run)) {
            sb.append(String.format(Locale.ROOT, "<tr><td class=\"key\">%s</td><td>%d</td><td>%.0f</td>"
                    + "<td>%.1f s</td></tr>%n", escape(b.arm()), b.updates(), b.envSteps(), b.seconds()));
        }
        return sb.append("</table>\n<p>Budgets: every trained arm's updates, environment steps and training time "
                + "(sampling, adaptation and outer step).</p>\n").toString();
    }

    static String table(List<CurveSeries> curves) {
        boolean fraction = curves.stream().allMatch(CurveSeries::hasFractions);
        StringBuilder sb = new StringBuilder("<table>\n<tr><th>k</th>");
        for (CurveSeries c : curves) {
            sb.append("<th>").append(escape(c.name())).append(fraction ? " (fraction of optimal)" : " (return)")
                    .append("</th>");
        }
        sb.append("</tr>\n");
        for (int k = 0; k < curves.get(0).returns().length; k++) {
            sb.append("<tr><td>").append(k).append("</td>");
            for (CurveSeries c : curves) {
                double mean = fraction ? c.fractions()[k] : c.returns()[k];
                double half = fraction ? c.fractionsCi()[k] : c.returnsCi()[k];
                sb.append(Double.isNaN(half) ? String.format(Locale.ROOT, "<td>%.3f</td>", mean)
                        : String.format(Locale.ROOT, "<td>%.3f &plusmn; %.3f</td>", mean, half));
            }
            sb.append("</tr>\n");
        }
        return sb.append("</table>\n<p>Mean over the tasks &plusmn; half-width of the 95% t-interval over tasks "
                + "(none for a single task).</p>\n").toString();
    }

    /**
     * The map with the task sets' regions, and per arm where its test episodes went before adaptation
     * and after the last step (from {@code evaluation/visits.csv} and {@code trajectories.csv}).
     */
    private static String gridSection(RunDirectory run, GridWorldFamily grid, Path plots) {
        StringBuilder sb = new StringBuilder("<h2>Map and task sets</h2>\n")
                .append(image(plots, "map.png", GridPicture.regions(grid), "map with the task sets' regions"));
        Path visits = run.evaluationFile("visits.csv");
        Path paths = run.evaluationFile("trajectories.csv");
        if (!Files.exists(visits) || !Files.exists(paths)) {
            return sb.toString();
        }
        Map<String, Map<Integer, Map<Cell, Integer>>> counts = new LinkedHashMap<>();
        for (String[] f : rows(visits)) {
            counts.computeIfAbsent(f[0], a -> new LinkedHashMap<>()).computeIfAbsent(Integer.parseInt(f[1]),
                    k -> new LinkedHashMap<>()).put(new Cell(Integer.parseInt(f[2]), Integer.parseInt(f[3])),
                    Integer.parseInt(f[4]));
        }
        Map<String, Map<Integer, List<Cell>>> walks = new LinkedHashMap<>();
        for (String[] f : rows(paths)) {
            walks.computeIfAbsent(f[0], a -> new LinkedHashMap<>()).computeIfAbsent(Integer.parseInt(f[1]),
                    k -> new ArrayList<>()).add(new Cell(Integer.parseInt(f[3]), Integer.parseInt(f[4])));
        }
        int lastK = counts.values().stream().flatMap(m -> m.keySet().stream()).mapToInt(Integer::intValue).max()
                .orElse(0);
        sb.append("<h2>Where each arm went on the test tasks</h2>\n<p>Visits of every cell over all test episodes "
                + "(log scale, white = none), before adaptation and after the last step, with the path of the first "
                + "episode of the first test task (dot: its start).</p>\n");
        for (String arm : counts.keySet()) {
            sb.append(image(plots, "visits-" + arm + ".png", GridPicture.visits(grid, arm, lastK, counts.get(arm),
                    walks.getOrDefault(arm, Map.of())), arm + " visits"));
        }
        return sb.toString();
    }

    /** The data rows of a CSV file, split on commas. */
    private static List<String[]> rows(Path file) {
        return read(file).lines().skip(1).filter(l -> !l.isBlank()).map(l -> l.split(",", -1)).toList();
    }

    /** A CSV file as an HTML table with a caption, or nothing if the file does not exist. */
    static String csvTable(Path file, String caption) {
        if (!Files.exists(file)) {
            return "";
        }
        List<String> lines = read(file).lines().filter(l -> !l.isBlank()).toList();
        StringBuilder sb = new StringBuilder("<table>\n");
        for (int i = 0; i < lines.size(); i++) {
            String tag = i == 0 ? "th" : "td";
            sb.append("<tr>");
            for (String cell : lines.get(i).split(",", -1)) {
                sb.append('<').append(tag).append('>').append(escape(cell)).append("</").append(tag).append('>');
            }
            sb.append("</tr>\n");
        }
        return sb.append("</table>\n<p>").append(escape(caption)).append("</p>\n").toString();
    }

    private static String provenance(String title, Provenance p) {
        StringBuilder sb = new StringBuilder("<h3>").append(title).append("</h3>\n<table>\n");
        row(sb, "library version", p.libraryVersion());
        row(sb, "git commit", p.gitCommit());
        row(sb, "JVM", p.jvm());
        row(sb, "OS", p.os());
        row(sb, "cores", String.valueOf(p.cores()));
        row(sb, "seed", String.valueOf(p.seed()));
        row(sb, "start", p.start());
        row(sb, "end", p.end() == null ? "(did not end cleanly)" : p.end());
        row(sb, "command line", String.join(" ", p.commandLine()));
        return sb.append("</table>\n").toString();
    }

    static void row(StringBuilder sb, String key, String value) {
        sb.append("<tr><td class=\"key\">").append(escape(key)).append("</td><td class=\"key\">").append(escape(value))
                .append("</td></tr>\n");
    }

    /**
     * The learner's update diagnostics, one plot per column its metrics file has of
     * {@link #DIAGNOSTICS} (a learner declares what it measures).
     */
    private static String diagnostics(Path plots, CsvTable learner) {
        if (learner == null || learner.rows() == 0) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (String column : DIAGNOSTICS) {
            if (learner.has(column)) {
                sb.append(image(plots, "metric-" + column + ".png", Charts.metricCurve(column, learner), column));
            }
        }
        return sb.length() == 0 ? "" : "<h3>Update diagnostics</h3>\n" + sb;
    }

    static String image(Path plots, String name, byte[] png, String alt) {
        try {
            Files.createDirectories(plots);
            io.github.metarl4j.run.AtomicFiles.write(plots.resolve(name), png);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + plots.resolve(name), e);
        }
        return "<img alt=\"" + escape(alt) + "\" src=\"data:image/png;base64," + Base64.getEncoder().encodeToString(png)
                + "\">\n";
    }

    static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** {@code text} with the five HTML special characters escaped. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
