/**
 * Batches of experience as padded, time-major ND4J arrays:
 * {@link io.github.metarl4j.data.EpisodeBatch} ({@code [T, B, ...]} plus mask and lengths).
 */
package io.github.metarl4j.data;
