/**
 * Optimisers over flat parameter vectors: the TRPO step ({@link io.github.metarl4j.optim.Trpo}) on any
 * {@link io.github.metarl4j.optim.TrustRegionProblem}.
 */
package io.github.metarl4j.optim;
