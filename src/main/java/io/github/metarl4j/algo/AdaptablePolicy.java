package io.github.metarl4j.algo;

import io.github.metarl4j.data.EpisodeBatch;
import io.github.metarl4j.sampler.ActionFunction;

/**
 * What a meta-learner hands the evaluator for one new task: a policy that acts, and that learns
 * from the task's episodes (garage's {@code get_exploration_policy} / {@code adapt_policy}).
 * Adapting returns a new policy and leaves this one unchanged, so an adaptation curve can start
 * every task from the same meta-learned policy. MAML adapts by gradient steps on the episodes;
 * the same contract serves a pretrained or randomly initialised policy adapted by the same steps.
 */
public non-sealed interface AdaptablePolicy extends ExplorationPolicy {

    /** This policy's actions for {@code [E, obsDim]} observations of one task. */
    ActionFunction actions();

    /** The policy after one adaptation step on {@code episodes} of one task (task index 0 in the batch). */
    AdaptablePolicy adapt(EpisodeBatch episodes);
}
