package io.github.metarl4j.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metarl4j.algo.maml.MamlConfig;
import io.github.metarl4j.envs.tabular.RandomMdps;
import io.github.metarl4j.envs.tabular.TabularMdpConfig;
import io.github.metarl4j.sampler.LockstepSampler;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;

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
        MamlConfig config = MamlRuns.config(MamlConfig.OuterOptimizer.TRPO);
        MamlRuns.Run here = MamlRuns.run(new LockstepSampler(2, type), config, type, 2);
        MamlRuns.Run there = MamlRuns.run(new SparkSampler(spark, MamlRuns.NAVIGATION, 2, type), config, type, 2);
        for (int s = 0; s < 2; s++) {
            assertArrayEquals(here.parameters().get(s), there.parameters().get(s), "parameters after meta-step " + s);
            assertArrayEquals(here.metrics().get(s), there.metrics().get(s), "metrics of meta-step " + s);
        }
    }

    @Test
    void mamlPpo_onLocalSparkWithThreeParts_isBitIdenticalToInProcess() {
        MamlConfig config = MamlRuns.config(MamlConfig.OuterOptimizer.PPO);
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
                    () -> MamlRuns.run(sampler, MamlRuns.config(MamlConfig.OuterOptimizer.TRPO), DataType.FLOAT, 1));
            assertTrue(e.getMessage().contains("'navigation-2d'") && e.getMessage().contains("rebuilds family"),
                    e.getMessage());
        }
    }
}
