/**
 * RL^2 (Duan et al. 2016, "RL^2: Fast Reinforcement Learning via Slow Reinforcement Learning"):
 * a recurrent policy whose hidden state persists across the episodes of a trial on one task,
 * trained over many tasks with PPO (Schulman et al. 2017) on whole trials, so that what it learns
 * is the learning algorithm itself.
 */
package io.github.metarl4j.algo.rl2;
