/**
 * 2D navigation, the MAML paper's point robot: {@link io.github.metarl4j.envs.navigation.Navigation2D},
 * its tasks ({@link io.github.metarl4j.envs.navigation.NavigationTask}) and goal distribution
 * ({@link io.github.metarl4j.envs.navigation.GoalSquare}).
 */
package io.github.metarl4j.envs.navigation;
