package io.github.metarl4j.cli;

import io.github.metarl4j.experiment.RunDirectory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** What the subcommands share: opening a run directory named on the command line, and the command line itself. */
final class Commands {

    private Commands() {
    }

    /** The run in {@code dir}, or a usage error saying why it is not one. */
    static RunDirectory open(CommandLine.Model.CommandSpec spec, Path dir) {
        try {
            return RunDirectory.open(dir);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** {@code metarl4j} and the arguments it was started with, for provenance. */
    static List<String> commandLine(CommandLine.Model.CommandSpec spec) {
        List<String> line = new ArrayList<>(List.of("metarl4j"));
        line.addAll(spec.root().commandLine().getParseResult().originalArgs());
        return line;
    }
}
