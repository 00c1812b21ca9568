package io.github.metarl4j.cli;

import io.github.metarl4j.report.HtmlReport;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code metarl4j report}: writes a run's report from its files. */
@Command(name = "report",
        description = {"Writes RUN_DIR/report.html (self-contained, plots embedded) and RUN_DIR/plots/*.png from the "
            + "run's config, provenance, metrics and evaluation tables; works on a run that is still training."})
final class ReportCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Parameters(paramLabel = "RUN_DIR", description = "the run directory")
    Path dir;

    @Override
    public Integer call() {
        spec.commandLine().getOut().println("report " + HtmlReport.write(Commands.open(spec, dir)));
        return Main.DONE;
    }
}
