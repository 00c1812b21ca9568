/**
 * Reference agents for trials (Duan et al. 2016, "RL^2", section 3): for bandits Random, Greedy,
 * epsilon-greedy, UCB1 (Auer, Cesa-Bianchi and Fischer 2002), Thompson sampling (Thompson 1933)
 * and the Gittins index (Gittins 1979); for tabular MDPs Random, Greedy, epsilon-greedy and
 * posterior sampling (PSRL; Osband, Russo and Van Roy 2013). Each is a
 * {@link io.github.metarl4j.sampler.TrialPolicy}: it reads the same per-step input as RL^2's
 * network (previous action, reward and episode-end flag) and keeps its statistics per trial, so
 * it runs through the same trial sampler and evaluator. The bandit agents start from a Beta(1, 1)
 * prior (one success and one failure per arm), the MDP agents from Dirichlet(1) transitions and
 * N(0, 1) reward means with unit reward noise, as the paper's baselines do.
 */
package io.github.metarl4j.eval.agents;
