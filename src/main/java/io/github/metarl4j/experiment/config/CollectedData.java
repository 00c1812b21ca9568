package io.github.metarl4j.experiment.config;

import io.github.metarl4j.data.TransitionDataset;
import io.github.metarl4j.env.TaskFamily;
import io.github.metarl4j.random.SeedTree;
import io.github.metarl4j.sampler.RandomActions;
import io.github.metarl4j.sampler.Sampler;
import io.github.metarl4j.task.Task;
import java.util.List;
import java.util.Map;

/**
 * A dataset played in the experiment's own family ({@code type: collect}): {@code tasks} tasks drawn
 * from the training distribution, {@code episodesPerTask} episodes each, by the behaviour policy
 * {@code behaviour}; {@code random} (uniform actions) is the one behaviour so far. The tasks and the
 * episodes come from the seed tree, so a run and its resumption train from the same transitions.
 *
 * @param behaviour       the behaviour policy: {@code random}
 * @param tasks           training tasks, at least 1
 * @param episodesPerTask episodes per task, at least 1
 */
public record CollectedData(String behaviour, int tasks, int episodesPerTask) implements DataConfig {

    /** The behaviour policies a dataset can be collected with. */
    public static final List<String> BEHAVIOURS = List.of("random");

    /**
     * Checks the arguments and holds them:
     *
     * @param behaviour       the behaviour policy: {@code random}
     * @param tasks           training tasks, at least 1
     * @param episodesPerTask episodes per task, at least 1
     */
    public CollectedData {
        if (!BEHAVIOURS.contains(behaviour)) {
            throw new IllegalArgumentException("behaviour must be one of " + BEHAVIOURS + ", got '" + behaviour + "'");
        }
        if (tasks < 1) {
            throw new IllegalArgumentException("tasks must be >= 1, got " + tasks);
        }
        if (episodesPerTask < 1) {
            throw new IllegalArgumentException("episodesPerTask must be >= 1, got " + episodesPerTask);
        }
    }

    @Override
    public <T extends Task, O, A> TransitionDataset dataset(TaskFamily<T, O, A> family, Sampler sampler,
                                                            SeedTree seeds) {
        List<T> drawn = family.tasks().train().sample(tasks, seeds.child("tasks").generator());
        return sampler.transitions(family, drawn, episodesPerTask, new RandomActions<>(family.spec().actionSpace()),
                seeds.child("episodes").generator()).withProvenance(Map.of("source", "collect", "behaviour", behaviour,
                "tasks", String.valueOf(tasks), "episodesPerTask", String.valueOf(episodesPerTask)));
    }
}
