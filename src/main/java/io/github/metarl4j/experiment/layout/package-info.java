/**
 * A run directory's layout: where its resolved config, metrics, checkpoints, evaluation tables,
 * provenance and report live ({@link io.github.metarl4j.experiment.layout.RunDirectory}), for the
 * learner and each trained reference ({@link io.github.metarl4j.experiment.layout.Role}).
 */
package io.github.metarl4j.experiment.layout;
