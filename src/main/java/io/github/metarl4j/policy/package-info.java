/**
 * Policies as pure functions of flat parameter vectors ({@link io.github.metarl4j.policy.Policy}):
 * {@link io.github.metarl4j.policy.CategoricalMlpPolicy} for discrete actions,
 * {@link io.github.metarl4j.policy.GaussianMlpPolicy} for boxes, with log-probabilities,
 * entropy, KL, and the gradient, Hessian-vector and Fisher-vector products of the weighted
 * log-likelihood; {@link io.github.metarl4j.policy.ReinforceLoss} builds REINFORCE's weights from
 * a batch.
 */
package io.github.metarl4j.policy;
