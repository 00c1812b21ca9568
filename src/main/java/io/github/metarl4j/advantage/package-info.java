/**
 * Returns and advantages over padded batches: discounted returns, GAE and per-task
 * normalisation ({@link io.github.metarl4j.advantage.Advantages}).
 */
package io.github.metarl4j.advantage;
