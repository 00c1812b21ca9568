package io.github.metarl4j.cli;

import io.github.metarl4j.experiment.ConfigDrift;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code metarl4j resume}: continues a run from its newest intact checkpoint. */
@Command(name = "resume",
        description = {"Continues a run (or every seed of a sweep) from its newest intact checkpoint with its resolved config; the result is "
            + "the same, bit for bit, as the uninterrupted run. Then evaluates it and writes report.html. A corrupt "
            + "or truncated checkpoint is reported and the one before it is used. Refuses a run that another process "
            + "holds, and a resolved-config.yaml that differs from the config the checkpoints were trained under."})
final class ResumeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    HelpOption help;

    @CommandLine.Mixin
    RunDirArgument run;

    @Option(names = "--allow-config-change", paramLabel = "KEY", split = ",",
            description = "continue although KEY of resolved-config.yaml differs from the config the checkpoints "
                + "were trained under (repeatable or comma-separated); only keys that leave the training as it was "
                + "may be named: " + "name, run.metaBatches (not below the batches done), run.threads, "
                + "run.checkpointEvery, run.keepCheckpoints, evaluation.*; recorded in the session's provenance")
    List<String> allowConfigChange = new ArrayList<>();

    @Override
    public Integer call() {
        Set<String> allowed = ConfigDrift.allowed(allowConfigChange);
        if (run.isSweep()) {
            return SweepSession.run(run.sweep(), allowed, Commands.commandLine(spec), spec.commandLine().getOut(),
                    spec.commandLine().getErr());
        }
        return RunSession.resume(run.open(), allowed, Commands.commandLine(spec), spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }
}
