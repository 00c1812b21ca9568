package io.github.metarl4j.algo;

import io.github.metarl4j.data.EpisodeBatch;
import io.github.metarl4j.sampler.ActionFunction;
import io.github.metarl4j.sampler.RowBlocks;
import java.util.List;
import java.util.OptionalDouble;

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

    /**
     * One action function for a batch of row blocks, block i ({@code rowsPerBlock} rows) acted by
     * {@code blocks.get(i)}, so that a sampler makes one policy call per time step for all tasks of an
     * evaluation. The default acts block by block; a policy whose blocks share one network overrides
     * it with a batched pass ({@code blocks} holds this policy's kind, this one among them).
     */
    default ActionFunction actionsFor(List<AdaptablePolicy> blocks, int rowsPerBlock) {
        return new RowBlocks(blocks.stream().map(AdaptablePolicy::actions).toList(), rowsPerBlock);
    }

    /**
     * The step size of this policy's updates, where they have one (MAML's alpha), so that an
     * evaluation can choose each policy's own step size on validation tasks; empty by default.
     */
    default OptionalDouble stepSize() {
        return OptionalDouble.empty();
    }

    /**
     * This policy, adapting with step size {@code alpha}; a policy without a {@link #stepSize()}
     * returns itself.
     *
     * @throws IllegalArgumentException if {@code alpha} is negative or not finite
     */
    default AdaptablePolicy withStepSize(double alpha) {
        return this;
    }
}
