package io.github.metarl4j.cli;

import io.github.metarl4j.eval.AdaptationTable;
import io.github.metarl4j.experiment.EvaluationResult;
import io.github.metarl4j.experiment.Experiment;
import io.github.metarl4j.experiment.ExperimentConfig;
import io.github.metarl4j.experiment.RunDirectory;
import io.github.metarl4j.report.HtmlReport;
import io.github.metarl4j.run.Progress;
import io.github.metarl4j.run.Provenance;
import io.github.metarl4j.task.TaskSplit;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * One session of a run, shared by {@code train} and {@code resume}: writes this session's
 * provenance, trains (resuming from the newest checkpoints) with SIGINT/SIGTERM as a stop request,
 * then, once every meta-batch is done, evaluates, prints the tables and writes the report.
 */
final class RunSession {

    private RunSession() {
    }

    static int run(RunDirectory dir, List<String> commandLine, PrintWriter out, PrintWriter err) {
        ExperimentConfig config = dir.config();
        Experiment<?, ?, ?> experiment = Experiment.of(config);
        Provenance provenance = Provenance.capture(config.seed(), commandLine);
        Path provenanceFile = dir.writeProvenance(provenance);
        out.println("run directory " + dir.root());
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
        printed(experiment.evaluate(dir, config.evaluation()), config.learner().adaptsInContext(), dir, out);
        out.println("report " + HtmlReport.write(dir));
        return Main.DONE;
    }

    /**
     * Prints each distribution's table: fractions of optimal where the family has an oracle, else
     * returns; for an in-context learner, k is the episode of a trial, and each curve's total
     * reward of a trial follows the table.
     */
    static void printed(List<EvaluationResult> results, boolean inContext, RunDirectory dir, PrintWriter out) {
        for (EvaluationResult r : results) {
            boolean fraction = r.meanOptimal().isPresent();
            out.printf(Locale.ROOT, "%nHeld-out tasks of the %s distribution: %s %s, mean +- 95%% "
                    + "CI over %d tasks%s:%n", r.part() == TaskSplit.Part.TRAIN ? "meta-training" : "meta-test",
                    fraction ? "fraction of the optimal return" : "mean episode return",
                    inContext ? "in episode k of a trial" : "after k adaptation steps",
                    r.curves().get(0).returns().get(0).n(), fraction ? String.format(Locale.ROOT,
                            " (oracle's mean optimal return %.3f)", r.meanOptimal().getAsDouble()) : "");
            out.print(AdaptationTable.text(r.curves(), fraction));
            if (inContext) {
                out.print("total reward of a trial:");
                r.curves().forEach(c -> out.printf(Locale.ROOT, "  %s %.3f +- %.3f", c.name(), c.total().mean(),
                        c.total().halfWidth()));
                out.println();
            }
            out.println("saved " + dir.evaluationTable(r.part()));
        }
        out.flush();
    }
}
