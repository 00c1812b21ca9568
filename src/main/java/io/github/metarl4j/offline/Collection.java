package io.github.metarl4j.offline;

import io.github.metarl4j.data.TransitionDataset;
import io.github.metarl4j.env.TaskFamily;
import io.github.metarl4j.sampler.ActionFunction;
import io.github.metarl4j.sampler.RowBlocks;
import io.github.metarl4j.sampler.Sampler;
import io.github.metarl4j.task.Task;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/** Collecting a dataset with a behaviour policy, its log-probabilities recorded. */
public final class Collection {

    private Collection() {
    }

    /**
     * Plays {@code episodesPerTask} episodes of each task with {@code behaviour} on {@code sampler}
     * (task i's episodes act with {@code behaviour.actions(tasks.get(i))}) and returns them with each
     * action's log-probability under the behaviour (where it has a density) and the behaviour in the
     * provenance.
     */
    public static <T extends Task, O, A> TransitionDataset collect(Sampler sampler, TaskFamily<T, O, A> family,
                                                                   List<T> tasks, int episodesPerTask,
                                                                   Behaviour<T> behaviour, RandomGenerator rng) {
        List<ActionFunction> perTask = tasks.stream().map(behaviour::actions).toList();
        TransitionDataset d = sampler.transitions(family, tasks, episodesPerTask, new RowBlocks(perTask,
                episodesPerTask), rng);
        int[] starts = d.episodeStarts();
        int[] episodeTasks = d.episodeTasks().orElseThrow();
        double[] obs = d.observations();
        double[] act = d.actions();
        double[] logp = new double[d.size()];
        boolean known = true;
        for (int e = 0; e < d.episodes(); e++) {
            T task = tasks.get(episodeTasks[e]);
            for (int i = starts[e]; i < starts[e + 1]; i++) {
                logp[i] = behaviour.logProb(task, Arrays.copyOfRange(obs, i * d.obsDim(), (i + 1) * d.obsDim()),
                        Arrays.copyOfRange(act, i * d.actDim(), (i + 1) * d.actDim()));
                known &= Double.isFinite(logp[i]);
            }
        }
        return TransitionDataset.of(family.spec().observationSpace(), family.spec().actionSpace(),
                new TransitionDataset.Columns(obs, act, d.rewards(), d.nextObservations(), d.terminated(),
                        d.truncated(), Optional.of(episodeTasks), known ? Optional.of(logp) : Optional.empty()))
                .withProvenance(Map.of("behaviour", behaviour.describe()));
    }
}
