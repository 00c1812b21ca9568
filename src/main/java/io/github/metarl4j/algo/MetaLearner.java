package io.github.metarl4j.algo;

import io.github.metarl4j.env.TaskFamily;
import io.github.metarl4j.task.Task;
import java.util.List;
import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The contract every meta-learner implements, and the only one the evaluator and the experiment
 * tooling see: MAML, the pretrained baseline, RL^2 and later learners are trained, evaluated,
 * checkpointed and resumed by the same code.
 *
 * <p>A learner holds its meta-parameters and optimiser state and replaces them (never mutates them in
 * place) at each {@link #metaStep}. {@link #explorationPolicy()} is the policy at the current
 * meta-parameters: an {@link AdaptablePolicy} for learners that adapt by explicit updates (MAML:
 * {@code explorationPolicy().adapt(episodes)} returns a new policy and leaves the learner
 * unchanged), an {@link InContextPolicy} for learners that adapt in their memory over a trial
 * (RL^2). A policy taken before a meta-step keeps the parameters it was taken at.
 */
public interface MetaLearner extends AutoCloseable {

    /** The policy at the current meta-parameters: what a new task starts from (k = 0 of an adaptation curve). */
    ExplorationPolicy explorationPolicy();

    /**
     * One meta-iteration on the meta-batch {@code tasks} of {@code family}: the learner samples what
     * it needs, updates its meta-parameters and reports what it did.
     *
     * @param rng the generator for this meta-batch's episodes; the same generator state gives the same step
     */
    <T extends Task, O, A> MetaStepReport metaStep(TaskFamily<T, O, A> family, List<T> tasks, RandomGenerator rng);

    /**
     * The columns every {@link MetaStepReport} of this learner holds, in the order of its metrics
     * file; they include {@link Metric#REQUIRED}.
     */
    List<Metric> metrics();

    /** The current meta-parameters, a flat vector {@code [P]} (never mutated afterwards). */
    INDArray parameters();

    /** Everything a later {@link #restore} needs to continue bit for bit: parameters and optimiser state. */
    LearnerState state();

    /**
     * Replaces the parameters and optimiser state with {@code state}, taken from a learner of the same
     * configuration and policy.
     *
     * @throws IllegalArgumentException naming the entry when an entry is missing or has the wrong length
     */
    void restore(LearnerState state);

    /** Releases the learner's threads. */
    @Override
    void close();
}
