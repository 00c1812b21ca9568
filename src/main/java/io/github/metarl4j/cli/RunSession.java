package io.github.metarl4j.cli;

import io.github.metarl4j.eval.AdaptationCurve;
import io.github.metarl4j.eval.AdaptationTable;
import io.github.metarl4j.experiment.ConfigDrift;
import io.github.metarl4j.experiment.Evaluation;
import io.github.metarl4j.experiment.EvaluationResult;
import io.github.metarl4j.experiment.Experiment;
import io.github.metarl4j.experiment.config.ConfigException;
import io.github.metarl4j.experiment.config.ExperimentConfig;
import io.github.metarl4j.experiment.layout.RunDirectory;
import io.github.metarl4j.report.Budget;
import io.github.metarl4j.report.HtmlReport;
import io.github.metarl4j.run.Progress;
import io.github.metarl4j.run.Provenance;
import io.github.metarl4j.task.TaskSplit;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;

/**
 * One session of a run, shared by {@code train} and {@code resume}: takes the run directory's lock
 * (one writer at a time), checks that the config is the one the checkpoints were trained under,
 * writes this session's provenance, trains (resuming from the newest checkpoints) with SIGINT/SIGTERM as a stop request,
 * then, once every meta-batch is done, evaluates, prints the tables and writes the report.
 */
final class RunSession {

    private RunSession() {
    }

    /**
     * Runs a session of {@code dir} holding its lock: refuses a config changed since the checkpoints
     * were written unless each changed key is in {@code allowedChanges}.
     */
    static int resume(RunDirectory dir, Set<String> allowedChanges, List<String> commandLine, PrintWriter out,
                      PrintWriter err) {
        try (HeldLocks lock = HeldLocks.of(dir)) {
            ExperimentConfig config = dir.config();
            return locked(dir, config, experiment(config, dir.root().resolve(RunDirectory.CONFIG)), allowedChanges,
                    commandLine, out, err);
        }
    }

    /**
     * Runs the first session of {@code dir}, just created for {@code config}, with its {@code experiment}
     * (the config as read once from the user's file, not read back from the run directory).
     */
    static int train(RunDirectory dir, ExperimentConfig config, Experiment<?, ?, ?> experiment, List<String> commandLine,
                     PrintWriter out, PrintWriter err) {
        try (HeldLocks lock = HeldLocks.of(dir)) {
            return locked(dir, config, experiment, Set.of(), commandLine, out, err);
        }
    }

    /** The experiment of {@code config}, read from {@code file}; its errors name the file. */
    static Experiment<?, ?, ?> experiment(ExperimentConfig config, Path file) {
        try {
            return Experiment.of(config);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("config " + file + ": " + e.getMessage(), e);
        }
    }

    private static int locked(RunDirectory dir, ExperimentConfig config, Experiment<?, ?, ?> experiment,
                              Set<String> allowedChanges, List<String> commandLine, PrintWriter out, PrintWriter err) {
        List<String> changes = ConfigDrift.checkResume(dir, config, experiment.trainedRoles(), allowedChanges);
        Provenance provenance = Provenance.capture(config.seed(), commandLine).withConfigChanges(changes);
        Path provenanceFile = dir.writeProvenance(provenance);
        out.println("run directory " + dir.root());
        if (!changes.isEmpty()) {
            out.println("config changes allowed since the checkpoints: " + String.join(", ", changes));
        }
        out.flush();
        try (StopOnSignal signal = new StopOnSignal(err)) {
            Progress progress = Progress.console(out, Math.max(1, config.run().metaBatches() / 10));
            boolean complete = experiment.train(dir, progress, signal.flag());
            provenance.ended().write(provenanceFile);
            if (!complete) {
                out.println("stopped; continue with: metarl4j resume " + dir.root());
                out.flush();
                return Main.DONE;
            }
        }
        out.println("budgets: " + String.join("; ", Budget.of(dir).stream().map(Budget::toString).toList()));
        printed(experiment.evaluate(dir, config.evaluation()), config.learner().trialEpisodes().isPresent(), dir, out);
        out.println("report " + HtmlReport.write(dir));
        return Main.DONE;
    }

    /**
     * Prints the test table (fractions of optimal where the family has an oracle, else returns; for
     * an in-context learner k is the episode of a trial and each curve's total reward of a trial
     * follows), then each arm's episodes to the target and area under the curve, the step sizes
     * chosen on the validation tasks and the fine-tuning reference's phase-1 score.
     */
    static void printed(Evaluation e, boolean inContext, RunDirectory dir, PrintWriter out) {
        EvaluationResult r = e.test();
        boolean fraction = r.meanOptimal().isPresent();
        out.printf(Locale.ROOT, "%nTest tasks (%d, disjoint from the training tasks): %s %s, mean%s%s:%n",
                r.curves().get(0).returns().get(0).n(), fraction ? "fraction of the optimal return" : "mean episode return",
                inContext ? "in episode k of a trial" : "after k adaptation steps of " + e.episodesPerStep() + " episodes",
                r.curves().get(0).returns().get(0).hasInterval() ? " +- 95% CI over tasks" : "",
                fraction ? String.format(Locale.ROOT, " (oracle's mean optimal return %.3f)",
                        r.meanOptimal().getAsDouble()) : "");
        out.print(AdaptationTable.text(r.curves(), fraction));
        if (inContext) {
            out.print("total reward of a trial:");
            r.curves().forEach(c -> out.printf(Locale.ROOT, "  %s %s", c.name(), c.total()));
            out.println();
        } else if (fraction) {
            out.printf(Locale.ROOT, "episodes to reach %.2f of optimal (area under the curve):", e.target());
            for (AdaptationCurve c : r.curves()) {
                OptionalInt k = c.firstReaching(e.target());
                out.printf(Locale.ROOT, "  %s %s (%.3f)", c.name(), k.isPresent()
                        ? String.valueOf(k.getAsInt() * e.episodesPerStep())
                        : "> " + c.steps() * e.episodesPerStep(), c.fractionArea());
            }
            out.println();
        }
        if (!e.stepSizes().isEmpty()) {
            out.printf(Locale.ROOT, "step sizes chosen on %d validation tasks:", e.validation().curves().get(0).returns()
                    .get(0).n());
            e.stepSizes().forEach(c -> out.printf(Locale.ROOT, "  %s %s", c.name(), c.chosen()));
            out.println();
        }
        e.offline().ifPresent(o -> out.println("offline learner on fresh tasks of its data's distribution: " + o));
        e.source().ifPresent(c -> out.printf(Locale.ROOT, "fine-tune phase 1 on its source tasks: %s of the optimal "
                + "return%n", c.fractionOfOptimal().isEmpty() ? c.returns().get(0) : c.fractionOfOptimal().get(0)));
        out.println("saved " + dir.evaluationTable(TaskSplit.Part.TEST).getParent());
        out.flush();
    }
}
