package io.github.metarl4j.experiment.config;

import io.github.metarl4j.data.TransitionDataset;
import io.github.metarl4j.env.TaskFamily;
import io.github.metarl4j.offline.Behaviour;
import io.github.metarl4j.offline.Collection;
import io.github.metarl4j.offline.Expert;
import io.github.metarl4j.offline.MediumCalibration;
import io.github.metarl4j.offline.NoisyExpert;
import io.github.metarl4j.offline.UniformBehaviour;
import io.github.metarl4j.random.SeedTree;
import io.github.metarl4j.sampler.RandomActions;
import io.github.metarl4j.sampler.Sampler;
import io.github.metarl4j.space.Discrete;
import io.github.metarl4j.task.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A dataset played in the experiment's own family ({@code type: collect}): {@code tasks} tasks drawn
 * from the training distribution, {@code episodesPerTask} episodes each, by a behaviour policy
 * ({@link io.github.metarl4j.offline}):
 *
 * <ul>
 *   <li>{@code random}: uniform actions;
 *   <li>{@code expert}: the family's optimal policy on the true task, taking a uniformly random action
 *       instead with probability {@code epsilon};
 *   <li>{@code medium}: the noisy expert whose return on the drawn tasks is halfway between the random
 *       policy's and the optimal ({@link MediumCalibration});
 *   <li>{@code mixed}: five stages of a policy improving from random to expert, epsilon 1, 0.75, 0.5,
 *       0.25 and 0, each playing a fifth of the tasks (at least 5).
 * </ul>
 *
 * Every behaviour but {@code random} needs the family's expert (the grid world and the tabular MDPs have one). The tasks
 * and the episodes come from the seed tree, so a run and its resumption train from the same
 * transitions; the behaviour's log-probabilities are recorded (discrete actions).
 *
 * @param behaviour       {@code random}, {@code expert}, {@code medium} or {@code mixed}
 * @param epsilon         for {@code expert}, the probability of a random action, in [0, 1]; 0 for the others
 * @param tasks           training tasks, at least 1 (at least 5 for {@code mixed})
 * @param episodesPerTask episodes per task, at least 1
 */
public record CollectedData(String behaviour, double epsilon, int tasks, int episodesPerTask) implements DataConfig {

    /** The behaviour policies a dataset can be collected with. */
    public static final List<String> BEHAVIOURS = List.of("random", "expert", "medium", "mixed");

    private static final double[] MIXED_STAGES = {1, 0.75, 0.5, 0.25, 0};

    /**
     * Checks the arguments and holds them:
     *
     * @param behaviour       {@code random}, {@code expert}, {@code medium} or {@code mixed}
     * @param epsilon         for {@code expert}, the probability of a random action, in [0, 1]; 0 for the others
     * @param tasks           training tasks, at least 1 (at least 5 for {@code mixed})
     * @param episodesPerTask episodes per task, at least 1
     */
    public CollectedData {
        if (!BEHAVIOURS.contains(behaviour)) {
            throw new IllegalArgumentException("behaviour must be one of " + BEHAVIOURS + ", got '" + behaviour + "'");
        }
        if (!(epsilon >= 0 && epsilon <= 1)) {
            throw new IllegalArgumentException("epsilon must be in [0, 1], got " + epsilon);
        }
        if (!behaviour.equals("expert") && epsilon != 0) {
            throw new IllegalArgumentException("epsilon: only the expert behaviour takes a noise level; write 0 for "
                    + behaviour + ", got " + epsilon);
        }
        if (tasks < (behaviour.equals("mixed") ? MIXED_STAGES.length : 1)) {
            throw new IllegalArgumentException("tasks must be >= " + (behaviour.equals("mixed") ? MIXED_STAGES.length
                    + " for mixed (one fifth per stage)" : "1") + ", got " + tasks);
        }
        if (episodesPerTask < 1) {
            throw new IllegalArgumentException("episodesPerTask must be >= 1, got " + episodesPerTask);
        }
    }

    @Override
    public <T extends Task, O, A> TransitionDataset dataset(FamilySetup<T, O, A> setup, Sampler sampler,
                                                            SeedTree seeds) {
        return collect(setup, setup.family().tasks().train().sample(tasks, seeds.child("tasks").generator()), sampler,
                seeds);
    }

    /**
     * The behaviour's episodes on the given tasks rather than on tasks drawn from the training split
     * (for one dataset per task: the same task repeated), {@code episodesPerTask} on each; {@code mixed}'s
     * stages take successive fifths of the list.
     *
     * @throws IllegalArgumentException if the list's length is not {@code tasks}, or the behaviour needs an
     *                                  expert the family does not have
     */
    public <T extends Task, O, A> TransitionDataset collect(FamilySetup<T, O, A> setup, List<T> drawn,
                                                            Sampler sampler, SeedTree seeds) {
        if (drawn.size() != tasks) {
            throw new IllegalArgumentException("tasks: expected " + tasks + " tasks to collect on, got " + drawn.size());
        }
        TaskFamily<T, O, A> family = setup.family();
        Map<String, String> provenance = new TreeMap<>(Map.of("source", "collect", "tasks", String.valueOf(tasks),
                "episodesPerTask", String.valueOf(episodesPerTask)));
        TransitionDataset d;
        if (!(family.spec().actionSpace() instanceof Discrete actions)) {
            if (!behaviour.equals("random")) {
                throw new IllegalArgumentException("behaviour: family " + family.name() + " has continuous actions and "
                        + "no expert policy; use random");
            }
            d = sampler.transitions(family, drawn, episodesPerTask, new RandomActions<>(family.spec().actionSpace()),
                    seeds.child("episodes").generator());
            provenance.put("behaviour", "random");
            return d.withProvenance(provenance);
        }
        int n = actions.n();
        if (behaviour.equals("random")) {
            d = Collection.collect(sampler, family, drawn, episodesPerTask, new UniformBehaviour<>(n),
                    seeds.child("episodes").generator());
        } else if (behaviour.equals("mixed")) {
            List<TransitionDataset> stages = new ArrayList<>();
            int per = tasks / MIXED_STAGES.length;
            for (int s = 0; s < MIXED_STAGES.length; s++) {
                List<T> part = drawn.subList(s * per, s == MIXED_STAGES.length - 1 ? tasks : (s + 1) * per);
                Behaviour<T> b = MIXED_STAGES[s] == 1 ? new UniformBehaviour<>(n)
                        : new NoisyExpert<>(expert(setup), n, MIXED_STAGES[s]);
                stages.add(Collection.collect(sampler, family, part, episodesPerTask, b,
                        seeds.child("episodes").child(s).generator()));
            }
            d = TransitionDataset.concat(family.spec().observationSpace(), family.spec().actionSpace(), stages);
            provenance.put("behaviour", "mixed: epsilon 1, 0.75, 0.5, 0.25, 0 on successive fifths of the tasks");
        } else {
            double eps = epsilon;
            if (behaviour.equals("medium")) {
                eps = MediumCalibration.epsilon(sampler, family, drawn, episodesPerTask, expert(setup), n,
                        setup.oracle().orElseThrow(() -> new IllegalArgumentException("behaviour: medium needs the "
                                + "family's oracle")), seeds.child("calibration"));
                provenance.put("medium_epsilon", String.format(Locale.ROOT, "%.6f", eps));
            }
            d = Collection.collect(sampler, family, drawn, episodesPerTask, new NoisyExpert<>(expert(setup), n, eps),
                    seeds.child("episodes").generator());
            if (behaviour.equals("medium")) {
                provenance.put("behaviour", "medium: " + d.provenance().get("behaviour"));
            }
        }
        provenance.putIfAbsent("behaviour", d.provenance().get("behaviour"));
        return d.withProvenance(provenance);
    }

    private static <T extends Task> Expert<T> expert(FamilySetup<T, ?, ?> setup) {
        return setup.expert().orElseThrow(() -> new IllegalArgumentException("behaviour: family "
                + setup.family().name() + " has no expert policy; use random"));
    }
}
