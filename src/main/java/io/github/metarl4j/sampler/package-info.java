/**
 * Vectorised rollouts: {@link io.github.metarl4j.sampler.LockstepSampler} plays many
 * (task, episode) pairs in lockstep on all cores and returns an
 * {@link io.github.metarl4j.data.EpisodeBatch}. The sampler takes any
 * {@link io.github.metarl4j.sampler.ActionFunction}, so policies never run episodes.
 */
package io.github.metarl4j.sampler;
