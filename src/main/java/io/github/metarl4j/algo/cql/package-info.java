/**
 * Conservative Q-learning for discrete actions (Kumar, Zhou, Tucker and Levine 2020, "Conservative
 * Q-Learning for Offline Reinforcement Learning", CQL(H)), with fitted Q-learning as its
 * unregularised ablation, trained from a fixed dataset.
 */
package io.github.metarl4j.algo.cql;
