/**
 * Random tabular MDPs as a task family (Duan et al. 2016, "RL^2", section 3.2): S states, A
 * actions, transition rows drawn from a flat Dirichlet, reward means from N(1, 1), episodes of a
 * fixed horizon from state 0, and the finite-horizon value-iteration oracle.
 */
package io.github.metarl4j.envs.tabular;
