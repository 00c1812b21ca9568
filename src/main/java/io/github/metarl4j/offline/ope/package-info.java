/**
 * Off-policy evaluation: the value of a target policy estimated from a dataset collected by another
 * (the behaviour's log-probabilities recorded): importance sampling, per-decision importance
 * sampling, weighted importance sampling and the doubly robust estimator
 * ({@link io.github.metarl4j.offline.ope.OffPolicyEvaluation}). Fitted Q evaluation on finite
 * families is {@link io.github.metarl4j.offline.tabular.TabularFqe}.
 */
package io.github.metarl4j.offline.ope;
