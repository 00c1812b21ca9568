package io.github.metarl4j.eval.agents;

import io.github.metarl4j.sampler.TrialInputs;
import io.github.metarl4j.sampler.TrialPolicy;

/** Uniformly random actions, for any family with discrete actions. */
public final class RandomAgent implements TrialPolicy {

    @Override
    public Actor start(int trials, TrialInputs layout) {
        return (inputs, active, rng, actions) -> {
            for (int b = 0; b < trials; b++) {
                actions[b] = rng.row(b).nextInt(layout.actions());
            }
        };
    }
}
