package io.github.metarl4j.cli;

import io.github.metarl4j.experiment.Experiment;
import io.github.metarl4j.experiment.Sweep;
import io.github.metarl4j.experiment.config.EvaluationConfig;
import io.github.metarl4j.experiment.config.EvaluationSteps;
import io.github.metarl4j.experiment.config.ExperimentConfig;
import io.github.metarl4j.experiment.config.SizeLimitException;
import io.github.metarl4j.experiment.layout.RunDirectory;
import io.github.metarl4j.report.HtmlReport;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code metarl4j evaluate}: adaptation curves of a trained run, again or with other settings. */
@Command(name = "evaluate",
        description = {"Evaluates a trained run on held-out tasks of the meta-training and meta-test "
            + "distributions beside its baselines and the oracle, writes evaluation/*.csv and rewrites report.html."})
final class EvaluateCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    HelpOption help;

    @CommandLine.Mixin
    RunDirArgument run;

    @Option(names = "--tasks", paramLabel = "N", description = "held-out tasks per distribution (default: the config's)")
    Integer tasks;

    @Option(names = "--steps", paramLabel = "K", description = "adaptation steps, k = 0..K (default: the config's)")
    Integer steps;

    @Override
    public Integer call() {
        if (run.isSweep()) {
            try (HeldLocks locks = HeldLocks.of(run.sweep())) {
                return evaluateSweep(run.sweep());
            }
        }
        RunDirectory dir = run.open();
        try (HeldLocks lock = HeldLocks.of(dir)) {
            return evaluateRun(dir);
        }
    }

    private int evaluateSweep(Sweep sweep) {
        ExperimentConfig c = sweep.config();
        asUsage(() -> SweepSession.printed(c, sweep.evaluate(evaluation(c)), sweep, spec.commandLine().getOut()));
        spec.commandLine().getOut().println("report " + HtmlReport.writeSweep(sweep));
        return Main.DONE;
    }

    private int evaluateRun(RunDirectory dir) {
        ExperimentConfig c = dir.config();
        EvaluationConfig eval = evaluation(c);
        Experiment<?, ?, ?> experiment = RunSession.experiment(c, dir.root().resolve(RunDirectory.CONFIG));
        asUsage(() -> RunSession.printed(experiment.evaluate(dir, eval), c.learner().trialEpisodes().isPresent(), dir,
                spec.commandLine().getOut()));
        spec.commandLine().getOut().println("report " + HtmlReport.write(dir));
        return Main.DONE;
    }

    /** Runs {@code evaluation}; an unfinished run or sizes past the memory are usage errors (exit 2). */
    private void asUsage(Runnable evaluation) {
        try {
            evaluation.run();
        } catch (IllegalStateException unfinished) {
            throw new CommandLine.ParameterException(spec.commandLine(), unfinished.getMessage());
        } catch (SizeLimitException tooLarge) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--tasks/--steps: " + tooLarge.getMessage());
        }
    }

    private EvaluationConfig evaluation(ExperimentConfig c) {
        try {
            return c.evaluation().with(tasks != null ? tasks : c.evaluation().tasks(),
                    steps != null ? EvaluationSteps.of(steps) : c.evaluation().steps());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--tasks/--steps: " + e.getMessage());
        }
    }
}
