/**
 * MAML for reinforcement learning (Finn, Abbeel and Levine, ICML 2017): the inner loop with
 * exact products through the adaptation's Jacobian ({@link io.github.metarl4j.algo.maml.InnerLoop}),
 * TRPO's surrogate ({@link io.github.metarl4j.algo.maml.Surrogate}), and the outer objective with
 * its exact second-order meta-gradient and curvature ({@link io.github.metarl4j.algo.maml.MetaObjective}).
 */
package io.github.metarl4j.algo.maml;
