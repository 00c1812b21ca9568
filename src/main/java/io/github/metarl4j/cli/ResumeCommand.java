package io.github.metarl4j.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code metarl4j resume}: continues a run from its newest intact checkpoint. */
@Command(name = "resume",
        description = {"Continues a run from its newest intact checkpoint with its resolved config; the result is "
            + "the same, bit for bit, as the uninterrupted run. Then evaluates it and writes report.html. A corrupt "
            + "or truncated checkpoint is reported and the one before it is used."})
final class ResumeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Parameters(paramLabel = "RUN_DIR", description = "the run directory")
    Path dir;

    @Override
    public Integer call() {
        return RunSession.run(Commands.open(spec, dir), Commands.commandLine(spec), spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }
}
