package io.github.metarl4j.algo.maml;

import io.github.metarl4j.data.HostArrays;
import io.github.metarl4j.policy.Policy;
import io.github.metarl4j.sampler.TaskStates;
import io.github.metarl4j.sampler.TaskThreads;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * MAML's outer objective for the PPO step: the mean over tasks of PPO's clipped surrogate on
 * each task's valid episodes, against the adapted policies that sampled them, as a function of
 * the meta-parameters {@code theta}: every evaluation re-adapts the tasks from {@code theta}, and
 * the gradient is {@code mean_i J_i(theta)^T grad L_clip_i(theta'_i(theta))} with the exact Jacobian
 * products of the inner loop (or {@code J_i = I} for first-order MAML). The per-task terms live
 * wherever the back end built them ({@link TaskObjective#clipped}); means are taken in task order.
 */
final class ClippedMetaObjective implements AutoCloseable {

    private final TaskStates<TaskObjective> terms;
    private final double clip;
    private final DataType type;

    ClippedMetaObjective(TaskStates<TaskObjective> terms, double clip, DataType type) {
        this.terms = terms;
        this.clip = clip;
        this.type = type;
    }

    /**
     * The objective on data in this process.
     *
     * @param samplers each task's adapted parameters that sampled its valid episodes
     */
    ClippedMetaObjective(Policy policy, InnerLoop inner, List<MetaObjective.Task> tasks, List<INDArray> samplers,
                         boolean firstOrder, double clip, TaskThreads parallel) {
        this(MetaObjective.local(tasks, inner, parallel,
                i -> TaskObjective.clipped(policy, inner, tasks.get(i), samplers.get(i), firstOrder)),
                clip, policy.dataType());
    }

    /** {@code mean_i L_clip_i(theta'_i(theta))}. */
    double value(INDArray theta) {
        Vector at = Vector.of(theta);
        double c = clip;
        return MetaObjective.mean(terms.map(t -> t.clippedValue(at.array(), c)));
    }

    /** {@code mean_i KL(pi_sampler_i || pi_theta'_i(theta))}. */
    double kl(INDArray theta) {
        Vector at = Vector.of(theta);
        return MetaObjective.mean(terms.map(t -> t.kl(at.array())));
    }

    /** {@code mean_i J_i(theta)^T grad L_clip_i(theta'_i(theta))}, {@code [P]}. */
    INDArray gradient(INDArray theta) {
        Vector at = Vector.of(theta);
        double c = clip;
        return MetaObjective.meanOf(terms.map(t -> HostArrays.read(t.clippedGradient(at.array(), c))), type);
    }

    @Override
    public void close() {
        terms.close();
    }
}
