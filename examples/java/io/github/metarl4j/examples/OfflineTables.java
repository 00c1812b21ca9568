package io.github.metarl4j.examples;

import io.github.metarl4j.eval.ConfidenceInterval;
import io.github.metarl4j.experiment.config.CollectedData;
import io.github.metarl4j.experiment.config.ConfigFiles;
import io.github.metarl4j.experiment.config.ExperimentConfig;
import io.github.metarl4j.report.ScoreBar;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What the offline examples share: the four dataset kinds, the grid config, a score row. */
final class OfflineTables {

    private OfflineTables() {
    }

    /** Random, medium, expert with epsilon 0.1 and mixed, each {@code tasks x episodesPerTask}. */
    static Map<String, CollectedData> kinds(int tasks, int episodesPerTask) {
        Map<String, CollectedData> kinds = new LinkedHashMap<>();
        kinds.put("random", new CollectedData("random", 0, tasks, episodesPerTask));
        kinds.put("medium", new CollectedData("medium", 0, tasks, episodesPerTask));
        kinds.put("expert (epsilon 0.1)", new CollectedData("expert", 0.1, tasks, episodesPerTask));
        kinds.put("mixed", new CollectedData("mixed", 0, tasks, episodesPerTask));
        return kinds;
    }

    /** examples/configs/offline-gridworld.yaml with every move random with probability {@code slip}. */
    static ExperimentConfig grid(double slip) {
        return ConfigFiles.read(Path.of("examples/configs/offline-gridworld.yaml"), ExperimentConfig.class,
                List.of("family.world.slip=" + slip));
    }

    /** Prints one row, {@code mean +- half-width} over seeds, and adds it to the figure's bars. */
    static void row(String kind, String learner, double[] perSeed, List<ScoreBar> bars) {
        ConfidenceInterval c = ConfidenceInterval.of95(perSeed);
        bars.add(new ScoreBar(kind, learner, c.mean(), c.halfWidth()));
        System.out.printf(Locale.ROOT, "%-22s %-28s %s%n", kind, learner, c.hasInterval()
                ? String.format(Locale.ROOT, "%.1f +- %.1f", c.mean(), c.halfWidth())
                : String.format(Locale.ROOT, "%.1f", c.mean()));
    }
}
