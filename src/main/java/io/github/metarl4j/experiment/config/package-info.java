/**
 * Experiment configs: the records a YAML file is read into
 * ({@link io.github.metarl4j.experiment.config.ExperimentConfig} and its sections), the open registry
 * of {@code type} names for families, learners and policies
 * ({@link io.github.metarl4j.experiment.config.TypeNames}), the strict reader with its errors
 * ({@link io.github.metarl4j.experiment.config.ConfigFiles}) and the memory bounds a config must fit.
 * Nothing here trains or writes a run.
 */
package io.github.metarl4j.experiment.config;
