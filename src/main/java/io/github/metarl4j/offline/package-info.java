/**
 * Offline RL's behaviour side: the policies that make datasets ({@link io.github.metarl4j.offline.Behaviour}:
 * uniform, an expert that plans on the true task, and its epsilon-noisy versions) and the collection
 * of a dataset with the behaviour's log-probabilities ({@link io.github.metarl4j.offline.Collection}).
 * Datasets themselves are {@link io.github.metarl4j.data.TransitionDataset}; learners trained from
 * them live beside the other learners ({@code algo.bc}).
 */
package io.github.metarl4j.offline;
