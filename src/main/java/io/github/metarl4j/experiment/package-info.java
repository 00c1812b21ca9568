/**
 * The wiring of an experiment: {@link io.github.metarl4j.experiment.Experiment} builds the family,
 * the learner and the references from a config, trains them into a run directory and evaluates
 * them; {@link io.github.metarl4j.experiment.Sweep} runs one experiment over training seeds; the
 * evaluation's and the sweep's files, and the resume check ({@code ConfigDrift}). Configs are read in
 * {@link io.github.metarl4j.experiment.config}, the run directory's layout is
 * {@link io.github.metarl4j.experiment.layout}.
 */
package io.github.metarl4j.experiment;
