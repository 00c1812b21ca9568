package io.github.metarl4j.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code metarl4j resume}: continues a run from its newest intact checkpoint. */
@Command(name = "resume",
        description = {"Continues a run (or every seed of a sweep) from its newest intact checkpoint with its resolved config; the result is "
            + "the same, bit for bit, as the uninterrupted run. Then evaluates it and writes report.html. A corrupt "
            + "or truncated checkpoint is reported and the one before it is used."})
final class ResumeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    HelpOption help;

    @CommandLine.Mixin
    RunDirArgument run;

    @Override
    public Integer call() {
        if (run.isSweep()) {
            return SweepSession.run(run.sweep(), Commands.commandLine(spec), spec.commandLine().getOut(),
                    spec.commandLine().getErr());
        }
        return RunSession.run(run.open(), Commands.commandLine(spec), spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }
}
