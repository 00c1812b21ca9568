/**
 * The grid world with varying start points and goals: ASCII maps
 * ({@link io.github.metarl4j.envs.gridworld.GridMap}), named
 * {@link io.github.metarl4j.envs.gridworld.Region}s, the task distributions with their
 * out-of-distribution splits ({@link io.github.metarl4j.envs.gridworld.GridTasks}), the
 * environment ({@link io.github.metarl4j.envs.gridworld.GridWorld}) and the value-iteration
 * oracle ({@link io.github.metarl4j.envs.gridworld.GridOracle}).
 */
package io.github.metarl4j.envs.gridworld;
