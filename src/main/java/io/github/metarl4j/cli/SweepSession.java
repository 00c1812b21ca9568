package io.github.metarl4j.cli;

import io.github.metarl4j.eval.CensoredMedian;
import io.github.metarl4j.eval.ConfidenceInterval;
import io.github.metarl4j.eval.SeedSummary;
import io.github.metarl4j.experiment.ConfigDrift;
import io.github.metarl4j.experiment.Sweep;
import io.github.metarl4j.experiment.config.ExperimentConfig;
import io.github.metarl4j.experiment.layout.RunDirectory;
import io.github.metarl4j.report.Budget;
import io.github.metarl4j.report.HtmlReport;
import io.github.metarl4j.run.Provenance;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One session of a sweep, shared by {@code train --seeds} and {@code resume}: takes the locks of
 * the sweep and its seeds' run directories, checks each seed's config against its checkpoints,
 * writes each seed's provenance, trains and evaluates the seeds in parallel (resuming each from its newest checkpoints),
 * with SIGINT/SIGTERM as a stop request, then prints the summary across seeds and writes the report.
 */
final class SweepSession {

    private SweepSession() {
    }

    /**
     * Runs a session of {@code sweep} holding the locks of its folder and of every seed's run
     * directory; refuses a seed whose config changed since its checkpoints unless each changed key is
     * in {@code allowedChanges}.
     */
    static int run(Sweep sweep, Set<String> allowedChanges, List<String> commandLine, PrintWriter out,
                   PrintWriter err) {
        try (HeldLocks locks = HeldLocks.of(sweep)) {
            return locked(sweep, allowedChanges, commandLine, out, err);
        }
    }

    private static int locked(Sweep sweep, Set<String> allowedChanges, List<String> commandLine, PrintWriter out,
                              PrintWriter err) {
        List<RunDirectory> runs = sweep.runs();
        List<Path> provenanceFiles = new ArrayList<>();
        List<Provenance> provenance = new ArrayList<>();
        List<List<String>> changes = new ArrayList<>();
        List<ExperimentConfig> configs = runs.stream().map(RunDirectory::config).toList();
        for (int i = 0; i < runs.size(); i++) {
            ExperimentConfig c = configs.get(i);
            changes.add(ConfigDrift.checkResume(runs.get(i), c, RunSession.experiment(c,
                    runs.get(i).root().resolve(RunDirectory.CONFIG)).trainedRoles(), allowedChanges));
        }
        for (int i = 0; i < runs.size(); i++) {
            RunDirectory run = runs.get(i);
            Provenance p = Provenance.capture(configs.get(i).seed(), commandLine).withConfigChanges(changes.get(i));
            provenance.add(p);
            provenanceFiles.add(run.writeProvenance(p));
        }
        ExperimentConfig config = sweep.config();
        int workers = Math.min(runs.size(), Runtime.getRuntime().availableProcessors());
        out.printf(Locale.ROOT, "sweep %s: %d seeds, %d at a time, %d threads each%n", sweep.root(), runs.size(),
                workers, config.run().threads());
        out.flush();
        Optional<SeedSummary> summary;
        try (StopOnSignal signal = new StopOnSignal(err)) {
            summary = sweep.run(workers, signal.flag(), line -> {
                synchronized (out) {
                    out.println("  " + line);
                    out.flush();
                }
            });
            for (int i = 0; i < runs.size(); i++) {
                provenance.get(i).ended().write(provenanceFiles.get(i));
            }
        }
        if (summary.isEmpty()) {
            out.println("stopped; continue with: metarl4j resume " + sweep.root());
            out.flush();
            return Main.DONE;
        }
        printed(config, summary.get(), sweep, out);
        out.println("report " + HtmlReport.writeSweep(sweep));
        return Main.DONE;
    }

    /** The across-seed table, the paired differences and the headline figures. */
    static void printed(ExperimentConfig config, SeedSummary s, Sweep sweep, PrintWriter out) {
        int episodes = config.evaluation().episodes();
        out.printf(Locale.ROOT, "%n%s, %d training seeds: test tasks' %s after k adaptation steps of %d episodes, "
                + "mean over seeds +- 95%% CI%n", config.name(), s.seeds(), s.fraction() ? "fraction of the optimal return"
                : "mean episode return", episodes);
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-3s", "k"));
        s.arms().forEach(a -> head.append(String.format(Locale.ROOT, "  %-18s", a)));
        for (int a = 1; a < s.arms().size(); a++) {
            head.append(String.format(Locale.ROOT, "  %-18s", s.arms().get(0) + " - " + s.arms().get(a)));
        }
        out.println(head);
        for (int k = 0; k <= s.steps(); k++) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-3d", k));
            for (List<ConfidenceInterval> curve : s.curves()) {
                row.append(cell(curve.get(k)));
            }
            for (List<ConfidenceInterval> diff : s.differences()) {
                row.append(cell(diff.get(k)));
            }
            out.println(row);
        }
        if (s.fraction()) {
            int budget = s.steps() * episodes;
            out.printf(Locale.ROOT, "episodes to reach %.2f of optimal, median [distribution-free 95%% CI] "
                    + "(seeds not reaching it within %d episodes):%n", config.evaluation().target(), budget);
            for (int a = 0; a < s.arms().size(); a++) {
                CensoredMedian m = s.episodesToTarget().get(a);
                out.printf(Locale.ROOT, "  %-12s %s (%d of %d)%n", s.arms().get(a), m.text(budget), m.censored(),
                        m.n());
            }
            out.println("area under the fraction-of-optimal curve (mean over k), mean over seeds +- 95% CI:");
            for (int a = 0; a < s.arms().size(); a++) {
                out.printf(Locale.ROOT, "  %-12s %s%s%n", s.arms().get(a), s.areas().get(a), a == 0 ? ""
                        : String.format(Locale.ROOT, "   paired %s - %s: %s", s.arms().get(0), s.arms().get(a),
                                s.areaDifferences().get(a - 1)));
            }
        }
        java.util.Map<String, double[]> spent = new java.util.LinkedHashMap<>();
        for (RunDirectory run : sweep.runs()) {
            for (Budget b : Budget.of(run)) {
                double[] sum = spent.computeIfAbsent(b.arm(), a -> new double[3]);
                sum[0] += b.updates();
                sum[1] += b.envSteps();
                sum[2] += b.seconds();
            }
        }
        int n = sweep.runs().size();
        out.println("budget per seed, mean over seeds:" + String.join(";", spent.entrySet().stream()
                .map(e -> String.format(Locale.ROOT, " %s %.0f updates, %.0f environment steps, %.1f s", e.getKey(),
                        e.getValue()[0] / n, e.getValue()[1] / n, e.getValue()[2] / n)).toList()));
        out.println("saved " + sweep.root());
        out.flush();
    }

    private static String cell(ConfidenceInterval ci) {
        return ci.hasInterval() ? String.format(Locale.ROOT, "  %8.3f +- %-6.3f", ci.mean(), ci.halfWidth())
                : String.format(Locale.ROOT, "  %8.3f %9s", ci.mean(), "");
    }
}
