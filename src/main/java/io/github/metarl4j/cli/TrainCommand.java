package io.github.metarl4j.cli;

import io.github.metarl4j.experiment.ConfigFiles;
import io.github.metarl4j.experiment.Experiment;
import io.github.metarl4j.experiment.ExperimentConfig;
import io.github.metarl4j.experiment.RunDirectory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code metarl4j train}: a new run of an experiment config. */
@Command(name = "train",
        description = {"Trains the experiment of a YAML config into a new run directory, then evaluates it on "
            + "held-out tasks and writes report.html there. Ctrl-C (SIGINT) or SIGTERM finishes the current "
            + "meta-batch, writes a checkpoint and stops; 'resume' continues the run."})
final class TrainCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    HelpOption help;

    @Option(names = "--config", required = true, paramLabel = "FILE.yaml", description = "the experiment config")
    Path config;

    @Option(names = "--out", paramLabel = "DIR",
            description = "the run directory, which must not hold files (default: runs/NAME-yyyyMMdd-HHmmss)")
    Path out;

    @Option(names = "--seed", paramLabel = "N", description = "the seed tree's root (default: the config's seed)")
    Long seed;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "overrides a config key, value in YAML (repeatable): --set run.metaBatches=200")
    List<String> overrides = new ArrayList<>();

    @Override
    public Integer call() {
        ExperimentConfig c = ConfigFiles.read(config, ExperimentConfig.class, overrides);
        if (seed != null) {
            c = c.withSeed(seed);
        }
        Path dir = out != null ? out : RunDirectory.defaultRoot(c.name());
        RunDirectory run;
        try {
            Experiment.of(c);
            run = RunDirectory.create(dir, c);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        return RunSession.run(run, Commands.commandLine(spec), spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }
}
