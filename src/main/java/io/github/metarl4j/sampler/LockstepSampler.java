package io.github.metarl4j.sampler;

import io.github.metarl4j.data.EpisodeBatch;
import io.github.metarl4j.data.TrialBatch;
import io.github.metarl4j.data.TransitionDataset;
import io.github.metarl4j.env.Env;
import io.github.metarl4j.env.TaskFamily;
import io.github.metarl4j.space.Discrete;
import io.github.metarl4j.task.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Rolls out B = tasks x episodes (task, episode) pairs in lockstep: at every time step the
 * policy is called once on the {@code [B, obsDim]} array of current observations, then the B
 * environments are stepped in a tight loop over primitive arrays, split across threads.
 * Finished episodes are masked.
 *
 * <p>Determinism: each call draws one seed from the caller's generator and gives each task its own
 * stream ({@link RowStreams#forTasks}); task i's stream draws its episodes' environment seeds, then
 * its rows' policy randomness at every step. Each environment owns its generator, so the result is
 * identical, bit for bit, for any number of threads, and a task's episodes are the same whichever
 * other tasks share the call (with a policy whose blocks act independently, as the library's do).
 *
 * <p>Samplers are the only code in the library that runs episodes.
 */
public final class LockstepSampler implements Sampler {

    private final int threads;
    private final DataType dataType;
    private final ForkJoinPool pool;
    private final TaskThreads taskThreads;

    /**
     * @param threads  threads stepping environments, the caller's included; 1 steps them all on
     *                 the caller's thread
     * @param dataType the floating-point type of the batches produced
     */
    public LockstepSampler(int threads, DataType dataType) {
        if (threads < 1) {
            throw new IllegalArgumentException("sampler threads must be >= 1, got " + threads);
        }
        if (dataType == null || !dataType.isFPType()) {
            throw new IllegalArgumentException("sampler data type must be FLOAT or DOUBLE, got " + dataType);
        }
        this.threads = threads;
        this.dataType = dataType;
        this.pool = threads == 1 ? null : new ForkJoinPool(threads - 1);
        this.taskThreads = new TaskThreads(threads);
    }

    /** A sampler on all cores of this machine. */
    public static LockstepSampler allCores(DataType dataType) {
        return new LockstepSampler(Runtime.getRuntime().availableProcessors(), dataType);
    }

    @Override
    public DataType dataType() {
        return dataType;
    }

    @Override
    public int threads() {
        return threads;
    }

    /**
     * The trials are played in lockstep ({@link TrialRollout}): the policy acts on the caller's thread
     * for all trials at once, and the environments step across the threads.
     *
     * @throws IllegalArgumentException if the family's actions are not discrete, there are no tasks or
     *                                  {@code episodesPerTrial < 1}
     */
    /** The trials are played in lockstep ({@link TrialRollout}), the environments stepped across the threads. */
    @Override
    public <T extends Task, O> TrialBatch playTrials(TaskFamily<T, O, ?> family, List<T> tasks, int episodesPerTrial,
                                                     TrialPolicy policy, RowStreams streams) {
        Sampler.checkTasks(tasks, episodesPerTrial);
        if (streams.blocks() != tasks.size() || streams.rowsPerBlock() != 1) {
            throw new IllegalArgumentException("trials need one stream of one row per task: " + tasks.size()
                    + " tasks, streams of " + streams.blocks() + " x " + streams.rowsPerBlock());
        }
        if (!(family.spec().actionSpace() instanceof Discrete discrete)) {
            throw new IllegalArgumentException("trials need a discrete action space, got "
                    + family.spec().actionSpace());
        }
        long[][] seeds = new long[tasks.size()][episodesPerTrial];
        for (int i = 0; i < seeds.length; i++) {
            for (int e = 0; e < episodesPerTrial; e++) {
                seeds[i][e] = streams.block(i).nextLong();
            }
        }
        List<Env<O, Integer>> envs = new ArrayList<>(tasks.size());
        for (T task : tasks) {
            envs.add(withIndexActions(family).create(task));
        }
        return new TrialRollout<>(family.spec().observationSpace(), discrete, family.spec().horizon(), envs, seeds,
                new Columns(pool, threads)).run(policy, streams);
    }

    /** A family whose action space is {@link Discrete} acts with the Integer indices that space holds. */
    @SuppressWarnings("unchecked")
    private static <T extends Task, O> TaskFamily<T, O, Integer> withIndexActions(TaskFamily<T, O, ?> family) {
        return (TaskFamily<T, O, Integer>) family;
    }

    @Override
    public <T extends Task, O, A> EpisodeBatch play(TaskFamily<T, O, A> family, List<T> tasks, int episodesPerTask,
                                                    ActionFunction policy, RowStreams streams) {
        Sampler.checkTasks(tasks, episodesPerTask);
        return rollout(family, tasks, episodesPerTask, streams).run(policy, streams);
    }

    /** The episodes of {@link #sample} with the same arguments, as transitions (task after task). */
    @Override
    public <T extends Task, O, A> TransitionDataset transitions(TaskFamily<T, O, A> family, List<T> tasks,
                                                                int episodesPerTask, ActionFunction policy,
                                                                RandomGenerator rng) {
        Sampler.checkTasks(tasks, episodesPerTask);
        RowStreams streams = RowStreams.forTasks(rng, tasks.size(), episodesPerTask);
        return rollout(family, tasks, episodesPerTask, streams).transitions(policy, streams);
    }

    private <T extends Task, O, A> Rollout<O, A> rollout(TaskFamily<T, O, A> family, List<T> tasks,
                                                         int episodesPerTask, RowStreams streams) {
        if (streams.blocks() != tasks.size() || streams.rowsPerBlock() != episodesPerTask) {
            throw new IllegalArgumentException("episodes need one stream per task: " + tasks.size() + " tasks x "
                    + episodesPerTask + " episodes, streams of " + streams.blocks() + " x " + streams.rowsPerBlock());
        }
        int b = tasks.size() * episodesPerTask;
        List<Env<O, A>> envs = new ArrayList<>(b);
        int[] taskIndex = new int[b];
        long[] seeds = new long[b];
        for (int i = 0; i < tasks.size(); i++) {
            for (int e = 0; e < episodesPerTask; e++) {
                int col = i * episodesPerTask + e;
                envs.add(family.create(tasks.get(i)));
                taskIndex[col] = i;
            }
        }
        for (int col = 0; col < b; col++) {
            seeds[col] = streams.row(col).nextLong();
        }
        return new Rollout<>(family.spec(), envs, seeds, taskIndex, dataType, pool, threads);
    }

    /** Builds all states in one call of the build, here, and answers questions on this sampler's threads. */
    @Override
    public <S extends AutoCloseable> TaskStates<S> open(TaskFamily<?, ?, ?> family, int tasks, TaskBuild<S> build) {
        if (tasks < 1) {
            throw new IllegalArgumentException("per-task states need at least one task, got " + tasks);
        }
        List<S> states = build.build(family, this, 0, tasks);
        if (states.size() != tasks) {
            throw new IllegalStateException("the build gave " + states.size() + " states for " + tasks + " tasks");
        }
        return new LocalStates<>(states, taskThreads);
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
        taskThreads.close();
    }
}
