package io.github.metarl4j.sampler;

import io.github.metarl4j.data.EpisodeBatch;
import io.github.metarl4j.data.TrialBatch;
import io.github.metarl4j.data.TransitionDataset;
import io.github.metarl4j.env.TaskFamily;
import io.github.metarl4j.task.Task;
import java.util.List;
import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The one way the library runs episodes, which learners and the evaluator receive rather than
 * build: independent episodes for learners that adapt by updates (MAML, pretraining) and trials
 * (episodes that share the policy's memory) for in-context learners (RL^2). The in-process
 * implementation is {@link LockstepSampler} (all cores, bit-identical for any thread count);
 * another back end implements the same contract. Results depend only on the arguments, so a
 * learner gives the same steps on every implementation.
 *
 * <p>Randomness: every call draws exactly one seed from {@code rng} and plays task i with the
 * stream {@link RowStreams#forTasks} gives it: first its environments' seeds, then its rows' policy
 * randomness. Task i's episodes therefore depend only on that seed, i, its task and the policy's
 * block i, which is what lets a back end split a call's tasks across machines.
 */
public interface Sampler extends AutoCloseable {

    /**
     * Plays {@code episodesPerTask} episodes of each task; column {@code b = i * episodesPerTask + e}
     * holds episode e of task i.
     *
     * @param family          the family whose environments play the tasks
     * @param tasks           the tasks, at least one
     * @param episodesPerTask episodes per task, at least one
     * @param policy          actions for a {@code [B, obsDim]} batch of observations
     * @param rng             draws the call's seed (one {@code nextLong})
     * @return the padded batch, {@code [T, B, obsDim]} observations with {@code T} the longest episode's length
     */
    <T extends Task, O, A> EpisodeBatch sample(TaskFamily<T, O, A> family, List<T> tasks, int episodesPerTask,
                                               ActionFunction policy, RandomGenerator rng);

    /**
     * Plays the episodes of {@link #sample} with the same arguments (the same seeds and actions) and
     * returns them as a dataset of transitions for offline learning: episodes task after task, each
     * with its task's index in {@code tasks} and the observation its environment ended on.
     */
    <T extends Task, O, A> TransitionDataset transitions(TaskFamily<T, O, A> family, List<T> tasks, int episodesPerTask,
                                                         ActionFunction policy, RandomGenerator rng);

    /**
     * Plays one trial of {@code episodesPerTrial} episodes per task, the policy keeping its memory
     * across the episodes of a trial.
     *
     * @param family           the family, with discrete actions
     * @param tasks            the tasks, one trial each, at least one
     * @param episodesPerTrial episodes per trial, at least one
     * @param policy           acts on a block of trials at once
     * @param rng              draws the call's seed (one {@code nextLong}); trial i plays from stream i
     * @return the trials, {@code [T, B, inputDim]} inputs with {@code B} the number of trials
     */
    <T extends Task, O> TrialBatch sampleTrials(TaskFamily<T, O, ?> family, List<T> tasks, int episodesPerTrial,
                                                TrialPolicy policy, RandomGenerator rng);

    /** The floating-point type of the batches it produces (the policy's). */
    DataType dataType();

    /** Threads it steps environments on, the caller's included. */
    int threads();

    /** Releases its threads. */
    @Override
    void close();
}
