/**
 * The {@link io.github.metarl4j.sampler.Sampler} contract on Apache Spark (an optional dependency):
 * {@link io.github.metarl4j.spark.SparkSampler} keeps a meta-batch's per-task states on the executors
 * and answers a learner's questions as Spark jobs reduced in task order, so that a run gives the
 * in-process results bit for bit; {@link io.github.metarl4j.spark.SparkSettings} caps the executors
 * like every JVM of the project; {@link io.github.metarl4j.spark.LocalCluster} starts a standalone
 * cluster on this machine. See docs/scaling.md.
 */
package io.github.metarl4j.spark;
