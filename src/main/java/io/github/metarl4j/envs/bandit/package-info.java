/**
 * Multi-armed bandits as a task family (Duan et al. 2016, "RL^2: Fast Reinforcement Learning via
 * Slow Reinforcement Learning", section 3.1): a task is the vector of k arm means, each episode
 * is one pull, and a trial of n episodes on one task is scored by its total reward.
 */
package io.github.metarl4j.envs.bandit;
