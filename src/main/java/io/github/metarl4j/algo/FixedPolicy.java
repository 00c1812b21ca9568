package io.github.metarl4j.algo;

import io.github.metarl4j.data.EpisodeBatch;
import io.github.metarl4j.policy.Policy;
import io.github.metarl4j.sampler.ActionFunction;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A policy that does not adapt: {@link #adapt} returns the same policy, so its adaptation curve is
 * flat at the policy's own return. What a learner without an adaptation rule (behaviour cloning and
 * other offline learners) hands the evaluator; its curve at k = 0 is the policy's score.
 *
 * @param policy the policy
 * @param theta  its parameters {@code [P]}
 */
public record FixedPolicy(Policy policy, INDArray theta) implements AdaptablePolicy {

    /**
     * Checks the arguments and holds them:
     *
     * @param policy the policy
     * @param theta  its parameters {@code [P]}
     */
    public FixedPolicy {
        if (policy == null || theta == null || theta.length() != policy.numParams()) {
            throw new IllegalArgumentException("a policy and parameters of its length " + (policy == null ? "?"
                    : policy.numParams()) + " must be given, got " + (theta == null ? "none" : theta.length()));
        }
    }

    @Override
    public ActionFunction actions() {
        return policy.actions(theta);
    }

    /** This policy, unchanged. */
    @Override
    public AdaptablePolicy adapt(EpisodeBatch episodes) {
        return this;
    }

    /** One batched pass for all blocks of fixed policies of one network. */
    @Override
    public ActionFunction actionsFor(List<AdaptablePolicy> blocks, int rowsPerBlock) {
        if (blocks.stream().allMatch(b -> b instanceof FixedPolicy f && f.policy == policy)) {
            return policy.actions(blocks.stream().map(b -> ((FixedPolicy) b).theta).toList());
        }
        return AdaptablePolicy.super.actionsFor(blocks, rowsPerBlock);
    }
}
