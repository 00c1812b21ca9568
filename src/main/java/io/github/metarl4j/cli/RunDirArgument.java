package io.github.metarl4j.cli;

import io.github.metarl4j.experiment.Sweep;
import io.github.metarl4j.experiment.layout.RunDirectory;
import java.nio.file.Path;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** The {@code RUN_DIR} argument of {@code resume}, {@code evaluate} and {@code report}. */
final class RunDirArgument {

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "RUN_DIR", description = "the run directory, or a sweep's folder")
    Path dir;

    /** Whether the folder is a sweep of several seeds. */
    boolean isSweep() {
        return Sweep.isSweep(dir);
    }

    /** The sweep. */
    Sweep sweep() {
        return new Sweep(dir);
    }

    /** The run, or a usage error saying why the folder is not one. */
    RunDirectory open() {
        try {
            return RunDirectory.open(dir);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
