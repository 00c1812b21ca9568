package io.github.metarl4j.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** The command line a subcommand was started with, for provenance. */
final class Commands {

    private Commands() {
    }

    /** {@code metarl4j} and the arguments it was started with, for provenance. */
    static List<String> commandLine(CommandLine.Model.CommandSpec spec) {
        List<String> line = new ArrayList<>(List.of("metarl4j"));
        line.addAll(spec.root().commandLine().getParseResult().originalArgs());
        return line;
    }
}
