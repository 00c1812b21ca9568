package io.github.metarl4j.cli;

import io.github.metarl4j.data.TransitionDataset;
import io.github.metarl4j.data.files.Hdf5Datasets;
import io.github.metarl4j.experiment.Experiment;
import io.github.metarl4j.experiment.config.ConfigException;
import io.github.metarl4j.experiment.config.ConfigFiles;
import io.github.metarl4j.experiment.config.ExperimentConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code metarl4j collect}: writes an offline learner's dataset to a file. */
@Command(name = "collect",
        description = {"Makes the dataset the config's offline learner trains from (its learner.data, e.g. "
            + "{type: collect, behaviour: random, tasks: 20, episodesPerTask: 10}) and writes it to an HDF5 file in "
            + "D4RL's layout, with how it was made in the file's attributes; a config with "
            + "learner.data: {type: file, path: FILE} then trains from it, and h5py opens it."})
final class CollectCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    HelpOption help;

    @Option(names = "--config", required = true, paramLabel = "FILE.yaml", description = "an experiment config whose "
            + "learner has a data key")
    Path config;

    @Option(names = "--out", required = true, paramLabel = "FILE.h5", description = "the dataset file to write (new)")
    Path out;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "overrides a config key, value in YAML (repeatable): --set learner.data.tasks=50")
    List<String> overrides = new ArrayList<>();

    @Override
    public Integer call() {
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".h5") && !name.endsWith(".hdf5")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--out must name a .h5 or .hdf5 file, got "
                    + out);
        }
        if (Files.exists(out)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--out " + out + " exists; a dataset file is "
                    + "never overwritten");
        }
        if (out.toAbsolutePath().getParent() == null || !Files.isDirectory(out.toAbsolutePath().getParent())) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--out " + out + ": its folder does not exist");
        }
        ExperimentConfig c = ConfigFiles.read(config, ExperimentConfig.class, overrides);
        if (c.learner().dataSource().isEmpty()) {
            throw new ConfigException("config " + config + ": learner " + c.learner().name()
                    + " samples live episodes and has no learner.data to collect", null);
        }
        Experiment<?, ?, ?> experiment = RunSession.experiment(c, config);
        TransitionDataset d = experiment.dataset().orElseThrow();
        Hdf5Datasets.write(d, out);
        spec.commandLine().getOut().printf(Locale.ROOT, "wrote %d transitions in %d episodes (mean episode return "
                + "%.4f) to %s%n", d.size(), d.episodes(), d.meanEpisodeReturn(), out);
        return Main.DONE;
    }
}
