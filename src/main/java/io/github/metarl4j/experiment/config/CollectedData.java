package io.github.metarl4j.experiment.config;

import io.github.metarl4j.data.TransitionDataset;
import io.github.metarl4j.env.TaskFamily;
import io.github.metarl4j.offline.Behaviour;
import io.github.metarl4j.offline.Collection;
import io.github.metarl4j.offline.NoisyExpert;
import io.github.metarl4j.offline.UniformBehaviour;
import io.github.metarl4j.random.SeedTree;
import io.github.metarl4j.sampler.RandomActions;
import io.github.metarl4j.sampler.Sampler;
import io.github.metarl4j.space.Discrete;
import io.github.metarl4j.task.Task;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A dataset played in the experiment's own family ({@code type: collect}): {@code tasks} tasks drawn
 * from the training distribution, {@code episodesPerTask} episodes each, by a behaviour policy:
 * {@code random} (uniform actions) or {@code expert} (the family's optimal policy on the true task,
 * {@link io.github.metarl4j.offline.Expert}; the grid world has one), which takes a uniformly random
 * action instead with probability {@code epsilon}. The tasks and the episodes come from the seed
 * tree, so a run and its resumption train from the same transitions; the behaviour's
 * log-probabilities are recorded where it has them (discrete actions).
 *
 * @param behaviour       {@code random} or {@code expert}
 * @param epsilon         for {@code expert}, the probability of a random action, in [0, 1]; 0 for {@code random}
 * @param tasks           training tasks, at least 1
 * @param episodesPerTask episodes per task, at least 1
 */
public record CollectedData(String behaviour, double epsilon, int tasks, int episodesPerTask) implements DataConfig {

    /** The behaviour policies a dataset can be collected with. */
    public static final List<String> BEHAVIOURS = List.of("random", "expert");

    /**
     * Checks the arguments and holds them:
     *
     * @param behaviour       {@code random} or {@code expert}
     * @param epsilon         for {@code expert}, the probability of a random action, in [0, 1]; 0 for {@code random}
     * @param tasks           training tasks, at least 1
     * @param episodesPerTask episodes per task, at least 1
     */
    public CollectedData {
        if (!BEHAVIOURS.contains(behaviour)) {
            throw new IllegalArgumentException("behaviour must be one of " + BEHAVIOURS + ", got '" + behaviour + "'");
        }
        if (!(epsilon >= 0 && epsilon <= 1)) {
            throw new IllegalArgumentException("epsilon must be in [0, 1], got " + epsilon);
        }
        if (behaviour.equals("random") && epsilon != 0) {
            throw new IllegalArgumentException("epsilon: the random behaviour acts uniformly already; write 0, got "
                    + epsilon);
        }
        if (tasks < 1) {
            throw new IllegalArgumentException("tasks must be >= 1, got " + tasks);
        }
        if (episodesPerTask < 1) {
            throw new IllegalArgumentException("episodesPerTask must be >= 1, got " + episodesPerTask);
        }
    }

    @Override
    public <T extends Task, O, A> TransitionDataset dataset(FamilySetup<T, O, A> setup, Sampler sampler,
                                                            SeedTree seeds) {
        TaskFamily<T, O, A> family = setup.family();
        List<T> drawn = family.tasks().train().sample(tasks, seeds.child("tasks").generator());
        TransitionDataset d;
        if (family.spec().actionSpace() instanceof Discrete actions) {
            Behaviour<T> b = behaviour.equals("random") ? new UniformBehaviour<>(actions.n())
                    : new NoisyExpert<>(setup.expert().orElseThrow(() -> new IllegalArgumentException("behaviour: family "
                    + family.name() + " has no expert policy; use random")), actions.n(), epsilon);
            d = Collection.collect(sampler, family, drawn, episodesPerTask, b, seeds.child("episodes").generator());
        } else if (behaviour.equals("random")) {
            d = sampler.transitions(family, drawn, episodesPerTask, new RandomActions<>(family.spec().actionSpace()),
                    seeds.child("episodes").generator()).withProvenance(Map.of("behaviour", "random"));
        } else {
            throw new IllegalArgumentException("behaviour: family " + family.name() + " has continuous actions and no "
                    + "expert policy; use random");
        }
        Map<String, String> provenance = new TreeMap<>(d.provenance());
        provenance.putAll(Map.of("source", "collect", "tasks", String.valueOf(tasks), "episodesPerTask",
                String.valueOf(episodesPerTask)));
        return d.withProvenance(provenance);
    }
}
