/**
 * Experiment tooling: YAML config files read into validated records
 * ({@link io.github.metarl4j.experiment.ConfigFiles}).
 */
package io.github.metarl4j.experiment;
