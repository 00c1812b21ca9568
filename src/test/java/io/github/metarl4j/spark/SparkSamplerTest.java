package io.github.metarl4j.spark;

import io.github.metarl4j.optim.OuterOptimizer;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metarl4j.algo.maml.MamlConfig;
import io.github.metarl4j.data.EpisodeBatch;
import io.github.metarl4j.data.HostArrays;
import io.github.metarl4j.envs.bandit.BanditConfig;
import io.github.metarl4j.envs.bandit.Bandits;
import io.github.metarl4j.envs.navigation.Navigation2D;
import io.github.metarl4j.envs.navigation.NavigationTask;
import io.github.metarl4j.envs.tabular.RandomMdps;
import io.github.metarl4j.envs.tabular.TabularMdpConfig;
import io.github.metarl4j.nn.Activation;
import io.github.metarl4j.policy.GaussianMlpPolicy;
import io.github.metarl4j.sampler.ActionFunction;
import io.github.metarl4j.sampler.LockstepSampler;
import io.github.metarl4j.sampler.RandomActions;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** MAML on an embedded {@code local[2]} Spark context gives the in-process run's steps, bit for bit. */
class SparkSamplerTest {

    private static JavaSparkContext spark;

    @BeforeAll
    static void start() {
        spark = new JavaSparkContext(new SparkConf().setMaster("local[2]").setAppName("metarl4j-test")
                .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1"));
        spark.setLogLevel("WARN");
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT", "DOUBLE"})
    void mamlTrpo_onLocalSpark_isBitIdenticalToInProcess(DataType type) {
        MamlConfig config = MamlRuns.config(OuterOptimizer.TRPO);
        MamlRuns.Run here = MamlRuns.run(new LockstepSampler(2, type), config, type, 2);
        MamlRuns.Run there = MamlRuns.run(new SparkSampler(spark, MamlRuns.NAVIGATION, 2, type), config, type, 2);
        for (int s = 0; s < 2; s++) {
            assertArrayEquals(here.parameters().get(s), there.parameters().get(s), "parameters after meta-step " + s);
            assertArrayEquals(here.metrics().get(s), there.metrics().get(s), "metrics of meta-step " + s);
        }
    }

    @Test
    void mamlPpo_onLocalSparkWithThreeParts_isBitIdenticalToInProcess() {
        MamlConfig config = MamlRuns.config(OuterOptimizer.PPO);
        MamlRuns.Run here = MamlRuns.run(new LockstepSampler(1, DataType.FLOAT), config, DataType.FLOAT, 2);
        MamlRuns.Run there = MamlRuns.run(new SparkSampler(spark, MamlRuns.NAVIGATION, 3, DataType.FLOAT), config, DataType.FLOAT, 2);
        for (int s = 0; s < 2; s++) {
            assertArrayEquals(here.parameters().get(s), there.parameters().get(s), "parameters after meta-step " + s);
            assertArrayEquals(here.metrics().get(s), there.metrics().get(s), "metrics of meta-step " + s);
        }
    }

    @Test
    void aFamilySourceForAnotherFamily_isRefusedNamingBoth() {
        FamilySource mdps = () -> RandomMdps.family(new TabularMdpConfig(4, 3, 5));
        try (SparkSampler sampler = new SparkSampler(spark, mdps, 2, DataType.FLOAT)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> MamlRuns.run(sampler, MamlRuns.config(OuterOptimizer.TRPO), DataType.FLOAT, 1));
            assertTrue(e.getMessage().contains("'navigation-2d'") && e.getMessage().contains("rebuilds family"),
                    e.getMessage());
        }
    }

    @Test
    void episodes_playedInPartsOnTheExecutors_areTheInProcessBatch() {
        GaussianMlpPolicy policy = new GaussianMlpPolicy(2, new int[] {16}, 2, Activation.TANH, 0.0, DataType.FLOAT);
        List<NavigationTask> tasks = Navigation2D.family().tasks().train().sample(5, new SplittableRandom(3));
        List<INDArray> perTask = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            perTask.add(policy.initialParameters(new SplittableRandom(20 + i)));
        }
        List<ActionFunction> policies = List.of(policy.actions(perTask.get(0)), policy.actions(perTask),
                new RandomActions<>(Navigation2D.family().spec().actionSpace()));
        try (LockstepSampler here = new LockstepSampler(2, DataType.FLOAT);
             SparkSampler there = new SparkSampler(spark, MamlRuns.NAVIGATION, 2, DataType.FLOAT)) {
            for (int k = 0; k < policies.size(); k++) {
                long jobsBefore = there.jobs();
                EpisodeBatch a = here.sample(Navigation2D.family(), tasks, 3, policies.get(k), new SplittableRandom(9));
                EpisodeBatch b = there.sample(Navigation2D.family(), tasks, 3, policies.get(k), new SplittableRandom(9));
                assertArrayEquals(HostArrays.read(a.observations()), HostArrays.read(b.observations()), "policy " + k);
                assertArrayEquals(HostArrays.read(a.actions()), HostArrays.read(b.actions()), "policy " + k);
                assertArrayEquals(HostArrays.read(a.rewards()), HostArrays.read(b.rewards()), "policy " + k);
                assertArrayEquals(HostArrays.read(a.mask()), HostArrays.read(b.mask()), "policy " + k);
                assertArrayEquals(a.lengths(), b.lengths());
                assertArrayEquals(a.taskIndex(), b.taskIndex());
                assertEquals(k < 2 ? 1 : 0, there.jobs() - jobsBefore,
                        "policies as data play on the executors, a lambda on the driver");
            }
        }
    }

    @Test
    void rl2_trialsPlayedInPartsOfWholeActingBlocks_trainAsInProcess() {
        MamlRuns.Run here = MamlRuns.rl2(new LockstepSampler(2, DataType.FLOAT), 150);
        SparkSampler spark2 = new SparkSampler(spark, () -> Bandits.family(BanditConfig.bernoulli(5)), 2,
                DataType.FLOAT);
        MamlRuns.Run there = MamlRuns.rl2(spark2, 150);
        assertTrue(spark2.jobs() >= 2, "the trials were played on the executors: " + spark2.jobs() + " jobs");
        for (int s = 0; s < 2; s++) {
            assertArrayEquals(here.parameters().get(s), there.parameters().get(s), "parameters after step " + s);
            assertArrayEquals(here.metrics().get(s), there.metrics().get(s), "metrics of step " + s);
        }
    }
}
