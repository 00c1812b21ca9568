/**
 * Meta-learners: the {@link io.github.metarl4j.algo.AdaptablePolicy} contract the evaluator sees,
 * and one sub-package per algorithm family.
 */
package io.github.metarl4j.algo;
