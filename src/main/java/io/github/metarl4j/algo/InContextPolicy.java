package io.github.metarl4j.algo;

import io.github.metarl4j.sampler.TrialPolicy;

/**
 * A policy that adapts to a new task inside its memory, with fixed parameters, while it plays a
 * trial of episodes on it (RL^2: Duan et al. 2016): the memory starts fresh at the trial's start
 * and is carried across its episodes.
 *
 * @param trials the policy, played by the {@link io.github.metarl4j.sampler.Sampler#sampleTrials}
 */
public record InContextPolicy(TrialPolicy trials) implements ExplorationPolicy {

    /**
     * Checks the arguments and holds them:
     *
     * @param trials the policy, played by the {@link io.github.metarl4j.sampler.Sampler#sampleTrials}
     */
    public InContextPolicy {
        if (trials == null) {
            throw new IllegalArgumentException("an in-context policy needs a trial policy, got null");
        }
    }
}
