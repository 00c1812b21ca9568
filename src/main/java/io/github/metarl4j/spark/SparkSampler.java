package io.github.metarl4j.spark;

import io.github.metarl4j.data.EpisodeBatch;
import io.github.metarl4j.data.TransitionDataset;
import io.github.metarl4j.data.TrialBatch;
import io.github.metarl4j.env.TaskFamily;
import io.github.metarl4j.sampler.ActionFunction;
import io.github.metarl4j.sampler.LockstepSampler;
import io.github.metarl4j.sampler.PolicyData;
import io.github.metarl4j.sampler.RowStreams;
import io.github.metarl4j.sampler.Sampler;
import io.github.metarl4j.sampler.TaskBuild;
import io.github.metarl4j.sampler.TaskQuery;
import io.github.metarl4j.sampler.TaskStates;
import io.github.metarl4j.sampler.TrialPolicy;
import io.github.metarl4j.sampler.TrialPolicyData;
import io.github.metarl4j.task.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.storage.StorageLevel;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The {@link Sampler} contract on Apache Spark: a learner's per-task work ({@link #open}: for MAML the
 * tasks' sampling, inner adaptation and outer-objective terms) runs as Spark tasks over parts of the
 * meta-batch, and each later question (a conjugate-gradient product, a line-search value) is one Spark
 * job whose closure carries the flat vector and whose answers come back per task and are reduced on
 * the driver in task order. The parts are cached (Spark keeps the small {@link Part} values and sends
 * each job to the executor holding them; the states stay in that executor's memory), and a part lost
 * with its executor is rebuilt by Spark from its lineage, with the same result. Results are bit for
 * bit those of the in-process {@link LockstepSampler}: per-task random streams and per-block network
 * passes make a task's work independent of the tasks that share its part.
 *
 * <p>Episodes ({@link #play}: the evaluator's, pretraining's) are played in parts on the executors
 * when the policy is data, and so are trials ({@link #playTrials}: RL^2's, in parts of whole acting
 * blocks); {@link #transitions} (offline data collection) is played on the driver by an in-process
 * sampler.
 */
public final class SparkSampler implements Sampler {

    private final JavaSparkContext spark;
    private final FamilySource source;
    private final String familyName;
    private final int parts;
    private final LockstepSampler driver;
    private final boolean ownsContext;
    private final AtomicLong jobs = new AtomicLong();

    /**
     * @param spark  the Spark context (the caller starts and stops it)
     * @param source the recipe executors rebuild the family from; its name must match the families
     *               this sampler is given
     * @param parts  the number of parts a meta-batch's tasks are split into (at most one per task)
     * @param type   the data type of the batches (the policy's)
     */
    public SparkSampler(JavaSparkContext spark, FamilySource source, int parts, DataType type) {
        this(spark, source, parts, type, false);
    }

    /**
     * Starts a Spark context with {@code conf} and a sampler that owns it (closing the sampler stops
     * it), splitting meta-batches into the context's default parallelism (its cores).
     *
     * @param conf   the configuration ({@link SparkSettings#conf})
     * @param source the recipe executors rebuild the family from
     * @param type   the data type of the batches
     */
    public static SparkSampler start(SparkConf conf, FamilySource source, DataType type) {
        JavaSparkContext spark = new JavaSparkContext(conf);
        try {
            spark.setLogLevel("WARN");
            return new SparkSampler(spark, source, spark.defaultParallelism(), type, true);
        } catch (RuntimeException e) {
            spark.stop();
            throw e;
        }
    }

    private SparkSampler(JavaSparkContext spark, FamilySource source, int parts, DataType type, boolean ownsContext) {
        if (spark == null || source == null) {
            throw new IllegalArgumentException("a Spark sampler needs a Spark context and a family source");
        }
        if (parts < 1) {
            throw new IllegalArgumentException("parts must be >= 1, got " + parts);
        }
        this.spark = spark;
        this.source = source;
        this.familyName = source.family().name();
        this.parts = parts;
        this.driver = new LockstepSampler(1, type);
        this.ownsContext = ownsContext;
    }

    /**
     * Plays the call's tasks in parts on the executors when it can ship them: fresh streams of one
     * seed ({@link RowStreams#forTasks}) and a policy given as data ({@link PolicyData}); otherwise (a
     * lambda, a reference agent) on the driver. Either way the batch is the in-process sampler's.
     */
    @Override
    public <T extends Task, O, A> EpisodeBatch play(TaskFamily<T, O, A> family, List<T> tasks, int episodesPerTask,
                                                    ActionFunction policy, RowStreams streams) {
        Sampler.checkTasks(tasks, episodesPerTask);
        if (tasks.size() < 2 || parts < 2 || streams.seed().isEmpty() || !(policy instanceof PolicyData data)
                || streams.blocks() != tasks.size() || streams.rowsPerBlock() != episodesPerTask) {
            return driver.play(family, tasks, episodesPerTask, policy, streams);
        }
        checkFamily(family);
        long seed = streams.seed().getAsLong();
        int offset = streams.first();
        int n = Math.min(parts, tasks.size());
        List<EpisodeJob> jobsOfParts = new ArrayList<>(n);
        for (int p = 0; p < n; p++) {
            int first = (int) ((long) tasks.size() * p / n);
            int last = (int) ((long) tasks.size() * (p + 1) / n);
            jobsOfParts.add(new EpisodeJob(new ArrayList<>(tasks.subList(first, last)), episodesPerTask,
                    data.part(first, last - first, tasks.size()), seed, offset + first, source, dataType()));
        }
        jobs.incrementAndGet();
        List<EpisodePart> played = spark.parallelize(jobsOfParts, n).map(EpisodeJob::play).collect();
        return EpisodePart.merge(played, dataType());
    }

    /**
     * Plays the call's trials in parts on the executors when it can ship them (fresh streams of one
     * seed, a policy given as data, {@link TrialPolicyData}), cutting at multiples of
     * {@link TrialPolicy#BLOCK}; otherwise (a reference agent) on the driver. Either way the trials are
     * the in-process sampler's.
     */
    @Override
    public <T extends Task, O> TrialBatch playTrials(TaskFamily<T, O, ?> family, List<T> tasks, int episodesPerTrial,
                                                     TrialPolicy policy, RowStreams streams) {
        Sampler.checkTasks(tasks, episodesPerTrial);
        int blocks = (tasks.size() + TrialPolicy.BLOCK - 1) / TrialPolicy.BLOCK;
        if (blocks < 2 || parts < 2 || streams.seed().isEmpty() || !(policy instanceof TrialPolicyData data)
                || streams.blocks() != tasks.size() || streams.rowsPerBlock() != 1
                || streams.first() % TrialPolicy.BLOCK != 0) {
            return driver.playTrials(family, tasks, episodesPerTrial, policy, streams);
        }
        checkFamily(family);
        int n = Math.min(parts, blocks);
        List<TrialJob> split = new ArrayList<>(n);
        for (int p = 0; p < n; p++) {
            int first = (int) Math.min(tasks.size(), (long) blocks * p / n * TrialPolicy.BLOCK);
            int last = (int) Math.min(tasks.size(), (long) blocks * (p + 1) / n * TrialPolicy.BLOCK);
            split.add(new TrialJob(new ArrayList<>(tasks.subList(first, last)), episodesPerTrial, data,
                    streams.seed().getAsLong(), streams.first() + first, source, dataType()));
        }
        jobs.incrementAndGet();
        return TrialPart.merge(spark.parallelize(split, n).map(TrialJob::play).collect());
    }

    @Override
    public <T extends Task, O, A> TransitionDataset transitions(TaskFamily<T, O, A> family, List<T> tasks,
                                                                int episodesPerTask, ActionFunction policy,
                                                                RandomGenerator rng) {
        return driver.transitions(family, tasks, episodesPerTask, policy, rng);
    }

    /**
     * Splits the tasks into at most {@code parts} contiguous parts, to be built on the executors by the
     * first question (which caches each part where it was built); no job runs until then.
     *
     * @throws IllegalArgumentException if the family is not the one the source rebuilds (by name)
     */
    @Override
    public <S extends AutoCloseable> TaskStates<S> open(TaskFamily<?, ?, ?> family, int tasks, TaskBuild<S> build) {
        if (tasks < 1) {
            throw new IllegalArgumentException("per-task states need at least one task, got " + tasks);
        }
        checkFamily(family);
        String call = UUID.randomUUID().toString();
        int n = Math.min(parts, tasks);
        List<Part> split = new ArrayList<>(n);
        for (int p = 0; p < n; p++) {
            int first = (int) ((long) tasks * p / n);
            int last = (int) ((long) tasks * (p + 1) / n);
            split.add(new Part(call, p, first, last - first, build, source, driver.dataType()));
        }
        JavaRDD<Part> cached = spark.parallelize(split, n).persist(StorageLevel.MEMORY_ONLY());
        return new SparkStates<>(cached, tasks, jobs, spark.isLocal());
    }

    /** The Spark jobs this sampler has run (a build, a question or a release each), for benchmarks. */
    public long jobs() {
        return jobs.get();
    }

    /** The Spark context. */
    public JavaSparkContext context() {
        return spark;
    }

    private void checkFamily(TaskFamily<?, ?, ?> family) {
        if (!familyName.equals(family.name())) {
            throw new IllegalArgumentException("the Spark sampler's family source rebuilds family '" + familyName
                    + "', but the learner samples family '" + family.name() + "'");
        }
    }

    @Override
    public DataType dataType() {
        return driver.dataType();
    }

    /** Threads of the driver-side sampler (one); executors use their own cores. */
    @Override
    public int threads() {
        return driver.threads();
    }

    /** Closes the driver-side sampler, and stops the Spark context if this sampler started it. */
    @Override
    public void close() {
        driver.close();
        if (ownsContext) {
            spark.stop();
        }
    }

    /** The states of one {@link #open} call, on the executors. */
    private static final class SparkStates<S> implements TaskStates<S> {

        private final JavaRDD<Part> parts;
        private final int tasks;
        private final AtomicLong jobs;
        private final boolean local;

        SparkStates(JavaRDD<Part> parts, int tasks, AtomicLong jobs, boolean local) {
            this.parts = parts;
            this.tasks = tasks;
            this.jobs = jobs;
            this.local = local;
        }

        @Override
        public int tasks() {
            return tasks;
        }

        @Override
        public <R> List<R> map(TaskQuery<S, R> query) {
            jobs.incrementAndGet();
            List<List<R>> perPart = parts.map(part -> answer(part, query)).collect();
            List<R> out = new ArrayList<>(tasks);
            perPart.forEach(out::addAll);
            return out;
        }

        @SuppressWarnings("unchecked")
        private static <S, R> List<R> answer(Part part, TaskQuery<S, R> query) {
            List<R> answers = new ArrayList<>(part.count());
            for (Object state : ExecutorStates.of(part)) {
                answers.add(query.apply((S) state));
            }
            return answers;
        }

        /**
         * Unpersists the parts. In local mode the states are released here (the executors are this JVM);
         * on a cluster no job is spent on it: an executor drops a call's states when it builds the next
         * call's, and all of them when the application ends.
         */
        @Override
        public void close() {
            parts.unpersist(false);
            if (local) {
                ExecutorStates.keepOnly("");
            }
        }
    }
}
