package io.github.metarl4j.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metarl4j.algo.MetaStepReport;
import io.github.metarl4j.algo.Metric;
import io.github.metarl4j.algo.maml.Maml;
import io.github.metarl4j.algo.maml.MamlConfig;
import io.github.metarl4j.data.HostArrays;
import io.github.metarl4j.env.TaskFamily;
import io.github.metarl4j.envs.navigation.Navigation2D;
import io.github.metarl4j.envs.navigation.NavigationTask;
import io.github.metarl4j.envs.tabular.RandomMdps;
import io.github.metarl4j.envs.tabular.TabularMdpConfig;
import io.github.metarl4j.nn.Activation;
import io.github.metarl4j.policy.GaussianMlpPolicy;
import io.github.metarl4j.random.SeedTree;
import io.github.metarl4j.sampler.LockstepSampler;
import io.github.metarl4j.sampler.Sampler;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
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

    private static final FamilySource NAVIGATION = Navigation2D::family;

    private record Run(List<double[]> parameters, List<double[]> metrics) {
    }

    private static Run run(Sampler sampler, MamlConfig config, DataType type, int metaSteps) {
        GaussianMlpPolicy policy = new GaussianMlpPolicy(2, new int[] {16, 16}, 2, Activation.TANH, 0.0, type);
        SeedTree root = SeedTree.root(11);
        INDArray theta = policy.initialParameters(root.child("init").generator());
        TaskFamily<NavigationTask, double[], double[]> family = Navigation2D.family();
        RandomGenerator taskRng = root.child("tasks").generator();
        RandomGenerator rng = root.child("sampler").generator();
        List<double[]> parameters = new ArrayList<>();
        List<double[]> metrics = new ArrayList<>();
        try (Maml maml = new Maml(config, policy, theta, sampler)) {
            for (int s = 0; s < metaSteps; s++) {
                List<NavigationTask> tasks = family.tasks().train().sample(config.metaBatch(), taskRng);
                MetaStepReport r = maml.metaStep(family, tasks, rng);
                parameters.add(HostArrays.read(maml.parameters()));
                List<Double> values = new ArrayList<>();
                for (Metric m : maml.metrics()) {
                    if (m != Metric.SAMPLING_S && m != Metric.ADAPTATION_S && m != Metric.OUTER_S) {
                        values.add(r.value(m));
                    }
                }
                metrics.add(values.stream().mapToDouble(Double::doubleValue).toArray());
            }
        } finally {
            sampler.close();
        }
        return new Run(parameters, metrics);
    }

    private static MamlConfig config(MamlConfig.OuterOptimizer outer) {
        return MamlConfig.builder().metaBatch(5).fastBatch(4).innerSteps(1).innerStepSize(0.1).outer(outer).build();
    }

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT", "DOUBLE"})
    void mamlTrpo_onLocalSpark_isBitIdenticalToInProcess(DataType type) {
        MamlConfig config = config(MamlConfig.OuterOptimizer.TRPO);
        Run here = run(new LockstepSampler(2, type), config, type, 2);
        Run there = run(new SparkSampler(spark, NAVIGATION, 2, type), config, type, 2);
        for (int s = 0; s < 2; s++) {
            assertArrayEquals(here.parameters().get(s), there.parameters().get(s), "parameters after meta-step " + s);
            assertArrayEquals(here.metrics().get(s), there.metrics().get(s), "metrics of meta-step " + s);
        }
    }

    @Test
    void mamlPpo_onLocalSparkWithThreeParts_isBitIdenticalToInProcess() {
        MamlConfig config = config(MamlConfig.OuterOptimizer.PPO);
        Run here = run(new LockstepSampler(1, DataType.FLOAT), config, DataType.FLOAT, 2);
        Run there = run(new SparkSampler(spark, NAVIGATION, 3, DataType.FLOAT), config, DataType.FLOAT, 2);
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
                    () -> run(sampler, config(MamlConfig.OuterOptimizer.TRPO), DataType.FLOAT, 1));
            assertTrue(e.getMessage().contains("'navigation-2d'") && e.getMessage().contains("rebuilds family"),
                    e.getMessage());
        }
    }
}
