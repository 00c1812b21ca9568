/**
 * Meta-learners: the {@link io.github.metarl4j.algo.MetaLearner} contract, the two kinds of
 * {@link io.github.metarl4j.algo.ExplorationPolicy} the evaluator sees (adapted by updates, or in
 * context), and one sub-package per algorithm family.
 */
package io.github.metarl4j.algo;
