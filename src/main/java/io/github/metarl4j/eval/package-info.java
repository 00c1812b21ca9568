/**
 * Evaluation: statistics for reporting returns
 * ({@link io.github.metarl4j.eval.ConfidenceInterval}); the meta-test evaluator and the
 * reference agents live here too.
 */
package io.github.metarl4j.eval;
