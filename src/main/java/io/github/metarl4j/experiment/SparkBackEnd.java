package io.github.metarl4j.experiment;

import io.github.metarl4j.experiment.config.ExperimentConfig;
import io.github.metarl4j.sampler.Sampler;
import io.github.metarl4j.spark.ConfigFamily;
import io.github.metarl4j.spark.SparkSampler;
import io.github.metarl4j.spark.SparkSettings;

/**
 * Starts the Spark back end of a run ({@code run.executor: SPARK}): a context on {@code run.master}
 * with the project's executor caps, executors rebuilding the family from the config. Kept apart so
 * that a run in process never loads Spark's classes (Spark is an optional dependency).
 */
final class SparkBackEnd {

    private SparkBackEnd() {
    }

    static Sampler start(ExperimentConfig config) {
        try {
            return SparkSampler.start(SparkSettings.conf(config.run().master(), "metarl4j " + config.name()),
                    new ConfigFamily(config.family()), config.policy().arrays());
        } catch (NoClassDefFoundError e) {
            throw new IllegalStateException("run.executor: SPARK needs Apache Spark on the classpath "
                    + "(org.apache.spark:spark-core_2.13:4.2.0; see the README, 'Beyond one machine'); missing: "
                    + e.getMessage(), e);
        }
    }
}
