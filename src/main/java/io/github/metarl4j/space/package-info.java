/**
 * Observation and action spaces ({@link io.github.metarl4j.space.Discrete},
 * {@link io.github.metarl4j.space.Box}) with a flat numeric encoding, so that a batch of
 * values is one {@code [B, flatDim]} array.
 */
package io.github.metarl4j.space;
