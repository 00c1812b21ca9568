/**
 * The one way the library runs episodes and per-task work: the {@link io.github.metarl4j.sampler.Sampler}
 * contract, with {@link io.github.metarl4j.sampler.LockstepSampler} in process (many (task, episode)
 * pairs in lockstep on all cores, an {@link io.github.metarl4j.data.EpisodeBatch}) and a Spark
 * implementation in {@code io.github.metarl4j.spark}. Each task of a call plays from its own random
 * stream ({@link io.github.metarl4j.sampler.RowStreams}), so a call split across machines gives the
 * same episodes; per-task states built through {@link io.github.metarl4j.sampler.Sampler#open} stay
 * where they were built and answer serialisable questions
 * ({@link io.github.metarl4j.sampler.TaskQuery}). The sampler takes any
 * {@link io.github.metarl4j.sampler.ActionFunction}, so policies never run episodes.
 */
package io.github.metarl4j.sampler;
