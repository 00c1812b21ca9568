package io.github.metarl4j.cli;

import io.github.metarl4j.report.HtmlReport;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code metarl4j report}: writes a run's report from its files. */
@Command(name = "report",
        description = {"Writes RUN_DIR/report.html (self-contained, plots embedded) and RUN_DIR/plots/*.png from the "
            + "run's config, provenance, metrics and evaluation tables; works on a run that is still training."})
final class ReportCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    HelpOption help;

    @CommandLine.Mixin
    RunDirArgument run;

    @Override
    public Integer call() {
        spec.commandLine().getOut().println("report " + (run.isSweep() ? HtmlReport.writeSweep(run.sweep())
                : HtmlReport.write(run.open())));
        return Main.DONE;
    }
}
