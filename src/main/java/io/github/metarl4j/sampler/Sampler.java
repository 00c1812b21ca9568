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
     * holds episode e of task i: {@link #play} with the streams of one seed drawn from {@code rng}.
     *
     * @param family          the family whose environments play the tasks
     * @param tasks           the tasks, at least one
     * @param episodesPerTask episodes per task, at least one
     * @param policy          actions for a {@code [B, obsDim]} batch of observations
     * @param rng             draws the call's seed (one {@code nextLong})
     * @return the padded batch, {@code [T, B, obsDim]} observations with {@code T} the longest episode's length
     */
    default <T extends Task, O, A> EpisodeBatch sample(TaskFamily<T, O, A> family, List<T> tasks, int episodesPerTask,
                                                       ActionFunction policy, RandomGenerator rng) {
        checkTasks(tasks, episodesPerTask);
        return play(family, tasks, episodesPerTask, policy, RowStreams.forTasks(rng, tasks.size(), episodesPerTask));
    }

    /**
     * Plays the episodes of {@link #sample} with given streams, task i from stream i. Playing a call's
     * tasks in parts, each with {@link RowStreams#forTasks(long, int, int, int)} and the part's blocks
     * of the policy, gives each task's episodes bit for bit (padded to the part's longest episode).
     *
     * @throws IllegalArgumentException if there are no tasks, {@code episodesPerTask < 1} or the
     *                                  streams are not one per task of {@code episodesPerTask} rows
     */
    <T extends Task, O, A> EpisodeBatch play(TaskFamily<T, O, A> family, List<T> tasks, int episodesPerTask,
                                             ActionFunction policy, RowStreams streams);

    /**
     * Plays the episodes of {@link #sample} with the same arguments (the same seeds and actions) and
     * returns them as a dataset of transitions for offline learning: episodes task after task, each
     * with its task's index in {@code tasks} and the observation its environment ended on.
     */
    <T extends Task, O, A> TransitionDataset transitions(TaskFamily<T, O, A> family, List<T> tasks, int episodesPerTask,
                                                         ActionFunction policy, RandomGenerator rng);

    /**
     * Plays one trial of {@code episodesPerTrial} episodes per task, the policy keeping its memory
     * across the episodes of a trial: {@link #playTrials} with the streams of one seed drawn from
     * {@code rng}.
     *
     * @param family           the family, with discrete actions
     * @param tasks            the tasks, one trial each, at least one
     * @param episodesPerTrial episodes per trial, at least one
     * @param policy           acts on a block of trials at once
     * @param rng              draws the call's seed (one {@code nextLong}); trial i plays from stream i
     * @return the trials, {@code [T, B, inputDim]} inputs with {@code B} the number of trials
     */
    default <T extends Task, O> TrialBatch sampleTrials(TaskFamily<T, O, ?> family, List<T> tasks,
                                                        int episodesPerTrial, TrialPolicy policy, RandomGenerator rng) {
        checkTasks(tasks, episodesPerTrial);
        return playTrials(family, tasks, episodesPerTrial, policy, RowStreams.forTasks(rng, tasks.size(), 1));
    }

    /**
     * Plays the trials of {@link #sampleTrials} with given streams, one stream of one row per trial.
     *
     * @throws IllegalArgumentException if the family's actions are not discrete, there are no tasks,
     *                                  {@code episodesPerTrial < 1} or the streams are not one per task
     */
    <T extends Task, O> TrialBatch playTrials(TaskFamily<T, O, ?> family, List<T> tasks, int episodesPerTrial,
                                              TrialPolicy policy, RowStreams streams);

    /**
     * Builds per-task states where this sampler runs (this process, or a cluster's executors) and
     * keeps them there until the returned states are closed: the per-task work of a learner's step
     * (sampling, inner adaptation, the outer step's per-task products). Results do not depend on the
     * back end: the build must give each task the same state however the tasks are split.
     *
     * @param family the family the build's tasks belong to
     * @param tasks  the number of tasks, at least one
     * @param build  builds the states of a range of tasks
     */
    <S extends AutoCloseable> TaskStates<S> open(TaskFamily<?, ?, ?> family, int tasks, TaskBuild<S> build);

    /** The floating-point type of the batches it produces (the policy's). */
    DataType dataType();

    /** Threads it steps environments on, the caller's included. */
    int threads();

    /** Releases its threads. */
    @Override
    void close();

    /** The arguments every call checks first: at least one task, at least one episode each. */
    static void checkTasks(List<?> tasks, int episodesPerTask) {
        if (tasks == null || tasks.isEmpty()) {
            throw new IllegalArgumentException("tasks must be a non-empty list, got " + tasks);
        }
        if (episodesPerTask < 1) {
            throw new IllegalArgumentException("episodes per task (or trial) must be >= 1, got " + episodesPerTask);
        }
    }
}
