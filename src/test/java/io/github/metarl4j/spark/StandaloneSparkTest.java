package io.github.metarl4j.spark;

import io.github.metarl4j.optim.OuterOptimizer;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metarl4j.algo.maml.MamlConfig;
import io.github.metarl4j.data.EpisodeBatch;
import io.github.metarl4j.envs.bandit.BanditConfig;
import io.github.metarl4j.envs.bandit.Bandits;
import io.github.metarl4j.data.TransitionDataset;
import io.github.metarl4j.data.TrialBatch;
import io.github.metarl4j.env.TaskFamily;
import io.github.metarl4j.sampler.ActionFunction;
import io.github.metarl4j.sampler.LockstepSampler;
import io.github.metarl4j.sampler.RowStreams;
import io.github.metarl4j.sampler.Sampler;
import io.github.metarl4j.sampler.TaskBuild;
import io.github.metarl4j.sampler.TaskQuery;
import io.github.metarl4j.sampler.TaskStates;
import io.github.metarl4j.sampler.TrialPolicy;
import io.github.metarl4j.task.Task;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * MAML-TRPO and RL^2 on a standalone Spark cluster (a master and two one-core workers on 127.0.0.1,
 * separate JVMs) give the in-process steps bit for bit, MAML also when an executor is killed in the
 * middle of an outer step's conjugate-gradient iterations.
 */
class StandaloneSparkTest {

    private static Path home;

    private static LocalCluster cluster;
    private static JavaSparkContext spark;

    @BeforeAll
    static void start() throws Exception {
        home = java.nio.file.Files.createTempDirectory("metarl4j-spark-");
        cluster = new LocalCluster(home, 2);
        SparkConf conf = cluster.configure(SparkSettings.conf(cluster.url(), "metarl4j-standalone-test"));
        spark = new JavaSparkContext(conf);
        spark.setLogLevel("ERROR");
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
        if (cluster != null) {
            cluster.close();
        }
        if (home != null) {
            try (var files = java.nio.file.Files.walk(home)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    private static final MamlConfig CONFIG = MamlRuns.config(OuterOptimizer.TRPO);

    @Test
    void mamlTrpo_onTwoWorkers_isBitIdenticalToInProcess() throws Exception {
        MamlRuns.Run here = MamlRuns.run(new LockstepSampler(1, DataType.FLOAT), CONFIG, DataType.FLOAT, 2);
        MamlRuns.Run there = MamlRuns.run(new SparkSampler(spark, MamlRuns.NAVIGATION, 2, DataType.FLOAT), CONFIG,
                DataType.FLOAT, 2);
        assertEquals(2, cluster.executors().size(), "two executors, one per worker\n" + cluster.logs());
        for (int s = 0; s < 2; s++) {
            assertArrayEquals(here.parameters().get(s), there.parameters().get(s), "parameters after meta-step " + s);
            assertArrayEquals(here.metrics().get(s), there.metrics().get(s), "metrics of meta-step " + s);
        }
    }

    @Test
    void anExecutorKilledDuringTheOuterStep_isReplaced_andTheStepIsTheSame() throws Exception {
        MamlRuns.Run here = MamlRuns.run(new LockstepSampler(1, DataType.FLOAT), CONFIG, DataType.FLOAT, 2);
        KillingSampler killing = new KillingSampler(new SparkSampler(spark, MamlRuns.NAVIGATION, 2, DataType.FLOAT),
                4);
        MamlRuns.Run there = MamlRuns.run(killing, CONFIG, DataType.FLOAT, 2);
        assertTrue(killing.killed.get() > 0, "an executor was killed\n" + cluster.logs());
        assertFalse(ProcessHandle.of(killing.killed.get()).map(ProcessHandle::isAlive).orElse(false));
        for (int s = 0; s < 2; s++) {
            assertArrayEquals(here.parameters().get(s), there.parameters().get(s), "parameters after meta-step " + s);
            assertArrayEquals(here.metrics().get(s), there.metrics().get(s), "metrics of meta-step " + s);
        }
    }

    @Test
    void rl2_onTwoWorkers_isBitIdenticalToInProcess() {
        MamlRuns.Run here = MamlRuns.rl2(new LockstepSampler(1, DataType.FLOAT), 150);
        MamlRuns.Run there = MamlRuns.rl2(new SparkSampler(spark, () -> Bandits.family(BanditConfig.bernoulli(5)), 2,
                DataType.FLOAT), 150);
        for (int s = 0; s < 2; s++) {
            assertArrayEquals(here.parameters().get(s), there.parameters().get(s), "parameters after step " + s);
            assertArrayEquals(here.metrics().get(s), there.metrics().get(s), "metrics of step " + s);
        }
    }

    /** Kills one executor JVM before the {@code at}-th question of the first meta-step's states. */
    private static final class KillingSampler implements Sampler {

        private final Sampler inner;
        private final int at;
        private final AtomicLong killed = new AtomicLong();
        private final AtomicInteger opened = new AtomicInteger();

        KillingSampler(Sampler inner, int at) {
            this.inner = inner;
            this.at = at;
        }

        @Override
        public <S extends AutoCloseable> TaskStates<S> open(TaskFamily<?, ?, ?> family, int tasks, TaskBuild<S> build) {
            TaskStates<S> states = inner.open(family, tasks, build);
            boolean first = opened.getAndIncrement() == 0;
            AtomicInteger asked = new AtomicInteger();
            return new TaskStates<>() {
                @Override
                public int tasks() {
                    return states.tasks();
                }

                @Override
                public <R> List<R> map(TaskQuery<S, R> query) {
                    if (first && asked.incrementAndGet() == at) {
                        ProcessHandle victim = cluster.executors().get(0);
                        victim.destroyForcibly();
                        victim.onExit().join();
                        killed.set(victim.pid());
                    }
                    return states.map(query);
                }

                @Override
                public void close() {
                    states.close();
                }
            };
        }

        @Override
        public <T extends Task, O, A> EpisodeBatch play(TaskFamily<T, O, A> family, List<T> tasks, int episodesPerTask,
                                                        ActionFunction policy, RowStreams streams) {
            return inner.play(family, tasks, episodesPerTask, policy, streams);
        }

        @Override
        public <T extends Task, O> TrialBatch playTrials(TaskFamily<T, O, ?> family, List<T> tasks,
                                                         int episodesPerTrial, TrialPolicy policy, RowStreams streams) {
            return inner.playTrials(family, tasks, episodesPerTrial, policy, streams);
        }

        @Override
        public <T extends Task, O, A> TransitionDataset transitions(TaskFamily<T, O, A> family, List<T> tasks,
                                                                    int episodesPerTask, ActionFunction policy,
                                                                    RandomGenerator rng) {
            return inner.transitions(family, tasks, episodesPerTask, policy, rng);
        }

        @Override
        public DataType dataType() {
            return inner.dataType();
        }

        @Override
        public int threads() {
            return inner.threads();
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}
