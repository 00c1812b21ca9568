package io.github.metarl4j.cli;

import picocli.CommandLine.Option;

/** {@code -h}/{@code --help} on a subcommand (the top command also has {@code --version}). */
final class HelpOption {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;
}
