package io.github.metarl4j.algo.maml;

import io.github.metarl4j.policy.Policy;
import io.github.metarl4j.policy.ReinforceLoss;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * MAML's outer objective for the PPO step: the mean over tasks of PPO's clipped surrogate on
 * each task's valid episodes, against the adapted policies that sampled them, as a function of
 * the meta-parameters {@code theta}: every evaluation re-adapts the tasks from {@code theta}, and
 * the gradient is {@code mean_i J_i(theta)^T grad L_clip_i(theta'_i(theta))} with the exact Jacobian
 * products of the inner loop (or {@code J_i = I} for first-order MAML).
 */
final class ClippedMetaObjective implements AutoCloseable {

    private final InnerLoop inner;
    private final boolean firstOrder;
    private final double clip;
    private final TaskParallel parallel;
    private final List<List<ReinforceLoss>> innerLosses = new ArrayList<>();
    private final List<Surrogate> surrogates = new ArrayList<>();

    /**
     * @param samplers each task's adapted parameters that sampled its valid episodes
     */
    ClippedMetaObjective(Policy policy, InnerLoop inner, List<MetaObjective.Task> tasks, List<INDArray> samplers,
                         boolean firstOrder, double clip, TaskParallel parallel) {
        this.inner = inner;
        this.firstOrder = firstOrder;
        this.clip = clip;
        this.parallel = parallel;
        for (int i = 0; i < tasks.size(); i++) {
            MetaObjective.Task t = tasks.get(i);
            innerLosses.add(t.innerLosses(policy));
            surrogates.add(new Surrogate(policy, t.valid().episodes(), t.valid().advantages(), samplers.get(i)));
        }
    }

    /** {@code mean_i L_clip_i(theta'_i(theta))}. */
    double value(INDArray theta) {
        List<Double> perTask = parallel.map(surrogates.size(), i -> surrogates.get(i).clippedValue(adapted(theta, i), clip));
        return perTask.stream().mapToDouble(Double::doubleValue).sum() / perTask.size();
    }

    /** {@code mean_i KL(pi_sampler_i || pi_theta'_i(theta))}. */
    double kl(INDArray theta) {
        List<Double> perTask = parallel.map(surrogates.size(), i -> surrogates.get(i).kl(adapted(theta, i)));
        return perTask.stream().mapToDouble(Double::doubleValue).sum() / perTask.size();
    }

    /** {@code mean_i J_i(theta)^T grad L_clip_i(theta'_i(theta))}, {@code [P]}. */
    INDArray gradient(INDArray theta) {
        List<INDArray> perTask = parallel.map(surrogates.size(), i -> {
            List<INDArray> iterates = inner.adapt(theta, innerLosses.get(i));
            INDArray g = surrogates.get(i).clippedGradient(iterates.get(inner.steps()), clip);
            if (firstOrder) {
                return g;
            }
            List<ReinforceLoss.Hessian> hessians = inner.hessians(iterates, innerLosses.get(i));
            try {
                return inner.transposedJacobianTimes(hessians, g);
            } finally {
                for (int k = hessians.size() - 1; k >= 0; k--) {
                    hessians.get(k).close();
                }
            }
        });
        INDArray sum = perTask.get(0).dup();
        for (int i = 1; i < perTask.size(); i++) {
            sum.addi(perTask.get(i));
        }
        return sum.divi(perTask.size());
    }

    private INDArray adapted(INDArray theta, int task) {
        return inner.adapt(theta, innerLosses.get(task)).get(inner.steps());
    }

    @Override
    public void close() {
        for (int i = surrogates.size() - 1; i >= 0; i--) {
            surrogates.get(i).close();
        }
    }
}
