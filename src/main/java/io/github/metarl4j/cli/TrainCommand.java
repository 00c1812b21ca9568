package io.github.metarl4j.cli;

import io.github.metarl4j.experiment.Experiment;
import io.github.metarl4j.experiment.Sweep;
import io.github.metarl4j.experiment.config.ConfigFiles;
import io.github.metarl4j.experiment.config.ExperimentConfig;
import io.github.metarl4j.experiment.layout.RunDirectory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code metarl4j train}: new runs of experiment configs. */
@Command(name = "train",
        description = {"Trains the experiment of each YAML config into a new run directory, then evaluates it on "
            + "held-out tasks and writes report.html there. With --seeds, each config becomes a sweep: one run per "
            + "training seed, in parallel on the cores, summarised across seeds. Ctrl-C (SIGINT) or SIGTERM "
            + "finishes the current meta-batch, writes a checkpoint and stops; 'resume' continues the run."})
final class TrainCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    HelpOption help;

    @Option(names = "--config", required = true, paramLabel = "FILE.yaml",
            description = "an experiment config (repeatable: the configs run one after the other)")
    List<Path> configs = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR",
            description = "the run directory, which must not hold files; one config only "
                + "(default: runs/NAME-yyyyMMdd-HHmmss)")
    Path out;

    @Option(names = "--seed", paramLabel = "N", description = "the seed tree's root (default: the config's seed)")
    Long seed;

    @Option(names = "--seeds", paramLabel = "LIST",
            description = "training seeds of a sweep: 1..10 or 1,2,5 (intervals and paired differences over seeds)")
    String seeds;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "overrides a config key, value in YAML (repeatable, applies to every config): "
                + "--set run.metaBatches=200")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--master", paramLabel = "URL",
            description = "runs the per-task work on Spark at this master: local[*] (embedded, all cores) or "
                + "spark://host:7077 (a standalone cluster); the same as --set run.executor=SPARK "
                + "--set run.master=URL")
    String master;

    @Override
    public Integer call() {
        if (master != null) {
            overrides.add("run.executor=SPARK");
            overrides.add("run.master=" + master);
        }
        if (out != null && configs.size() > 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--out takes one --config, got "
                    + configs.size());
        }
        if (seed != null && seeds != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--seed and --seeds exclude each other");
        }
        List<Long> seedList = seeds == null ? List.of() : Seeds.parse(spec, seeds);
        List<ExperimentConfig> read = new ArrayList<>();
        for (Path file : configs) {
            ExperimentConfig c = ConfigFiles.read(file, ExperimentConfig.class, overrides);
            read.add(seed != null ? c.withSeed(seed) : c);
        }
        List<java.util.function.IntSupplier> sessions = new ArrayList<>();
        for (ExperimentConfig c : read) {
            Path dir = out != null ? out : RunDirectory.defaultRoot(c.name());
            Experiment<?, ?, ?> experiment = RunSession.experiment(c, configs.get(read.indexOf(c)));
            try {
                if (seedList.isEmpty()) {
                    RunDirectory run = RunDirectory.create(dir, c);
                    sessions.add(() -> RunSession.train(run, c, experiment, Commands.commandLine(spec),
                            spec.commandLine().getOut(), spec.commandLine().getErr()));
                } else {
                    Sweep sweep = Sweep.create(dir, c, seedList, Runtime.getRuntime().availableProcessors());
                    sessions.add(() -> SweepSession.run(sweep, Set.of(), Commands.commandLine(spec),
                            spec.commandLine().getOut(), spec.commandLine().getErr()));
                }
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        int status = Main.DONE;
        for (java.util.function.IntSupplier session : sessions) {
            status = Math.max(status, session.getAsInt());
        }
        return status;
    }
}
