package io.github.metarl4j.cli;

import io.github.metarl4j.conformance.ConformanceChecker;
import io.github.metarl4j.conformance.ConformanceReport;
import io.github.metarl4j.env.TaskFamily;
import io.github.metarl4j.experiment.config.ClassFamily;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code metarl4j check-env}: the conformance checker on a user's family. */
@Command(name = "check-env",
        description = {"Runs the conformance checker on a task family: CLASS must be on the classpath, have a "
            + "public no-argument constructor and implement Supplier<TaskFamily<?, ?, ?>>. Exit status 0 if every "
            + "check passes, 1 if one fails."})
final class CheckEnvCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    HelpOption help;

    @Parameters(paramLabel = "CLASS", description = "the family's supplier, e.g. com.example.MyFamily")
    String className;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "the checker's seed (default: 1)")
    long seed;

    @Override
    public Integer call() {
        TaskFamily<?, ?, ?> family;
        try {
            family = ClassFamily.load(className);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        ConformanceReport report = ConformanceChecker.check(family, seed);
        spec.commandLine().getOut().println(report);
        return report.passed() ? Main.DONE : Main.FAILURE;
    }
}
