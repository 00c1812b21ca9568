package io.github.metarl4j.algo.maml;

import io.github.metarl4j.policy.Policy;
import io.github.metarl4j.policy.ReinforceLoss;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One task's term of MAML's outer objective (see {@link MetaObjective}), prepared at
 * {@code thetaOld}: its inner losses, its adapted iterates {@code thetaOld^(k)}, the inner losses'
 * Hessians there (second order only) and TRPO's surrogate on its valid episodes. It lives where the
 * task's episodes were sampled (this process, or a Spark executor) for the whole outer step, so the
 * conjugate-gradient products reuse it; every method depends only on this task's data.
 */
final class TaskObjective implements AutoCloseable {

    /** What the task's episodes gave, for the step's metrics. */
    record Sampled(double trainReturnSum, double validReturnSum, int episodes, long steps, long samplingNanos,
                   long adaptationNanos) implements java.io.Serializable {

        static final Sampled NONE = new Sampled(0, 0, 0, 0, 0, 0);
    }

    private final InnerLoop inner;
    private final boolean firstOrder;
    private final List<ReinforceLoss> innerLosses;
    private final INDArray adaptedOld;
    private final List<ReinforceLoss.Hessian> hessians;
    private final Surrogate surrogate;
    private Sampled sampled = Sampled.NONE;

    /**
     * @param policy     the policy
     * @param inner      the inner loop
     * @param data       the task's inner and valid episodes with their advantages
     * @param thetaOld   the meta-parameters from which the inner episodes were sampled {@code [P]}
     * @param firstOrder whether to drop the second-order terms
     */
    TaskObjective(Policy policy, InnerLoop inner, MetaObjective.Task data, INDArray thetaOld, boolean firstOrder) {
        checkSteps(inner, data);
        this.inner = inner;
        this.firstOrder = firstOrder;
        this.innerLosses = data.innerLosses(policy);
        List<INDArray> iterates = inner.adapt(thetaOld, innerLosses);
        this.adaptedOld = iterates.get(inner.steps());
        this.hessians = firstOrder ? List.of() : inner.hessians(iterates, innerLosses);
        this.surrogate = new Surrogate(policy, data.valid().episodes(), data.valid().advantages(), adaptedOld);
    }

    /**
     * The task's term for PPO's clipped objective only (no curvature: the Hessians at the old iterates
     * are not prepared).
     *
     * @param sampler the adapted parameters that sampled the valid episodes {@code [P]}
     */
    static TaskObjective clipped(Policy policy, InnerLoop inner, MetaObjective.Task data, INDArray sampler,
                                 boolean firstOrder) {
        return new TaskObjective(policy, inner, data, sampler, firstOrder, true);
    }

    private TaskObjective(Policy policy, InnerLoop inner, MetaObjective.Task data, INDArray sampler,
                          boolean firstOrder, boolean clippedOnly) {
        checkSteps(inner, data);
        this.inner = inner;
        this.firstOrder = firstOrder;
        this.innerLosses = data.innerLosses(policy);
        this.adaptedOld = sampler;
        this.hessians = null;
        this.surrogate = new Surrogate(policy, data.valid().episodes(), data.valid().advantages(), sampler);
    }

    private static void checkSteps(InnerLoop inner, MetaObjective.Task data) {
        if (data.inner().size() != inner.steps()) {
            throw new IllegalArgumentException("a task has the episodes of " + data.inner().size()
                    + " inner steps, but the inner loop takes " + inner.steps());
        }
    }

    /** Records what the task's episodes gave, for the step's metrics. */
    TaskObjective withSampled(Sampled s) {
        this.sampled = s;
        return this;
    }

    Sampled sampled() {
        return sampled;
    }

    /** The adapted parameters {@code thetaOld'} {@code [P]}. */
    INDArray adaptedOld() {
        return adaptedOld;
    }

    /** {@code {L_out(theta'(theta)), KL(pi_thetaOld' || pi_theta'(theta))}}: adapts from {@code theta} once. */
    double[] evaluate(INDArray theta) {
        return surrogate.evaluate(adaptedFrom(theta));
    }

    /** {@code KL(pi_thetaOld' || pi_theta'(theta))}. */
    double kl(INDArray theta) {
        return surrogate.kl(adaptedFrom(theta));
    }

    /** {@code J^T grad L_out(thetaOld')}, {@code [P]}. */
    INDArray gradient() {
        if (hessians == null) {
            throw new IllegalStateException("this task's term was prepared for the clipped objective only");
        }
        INDArray g = surrogate.gradientAtSamplingPolicy();
        return firstOrder ? g : inner.transposedJacobianTimes(hessians, g);
    }

    /** PPO's clipped surrogate {@code L_clip(theta'(theta))}. */
    double clippedValue(INDArray theta, double clip) {
        return surrogate.clippedValue(adaptedFrom(theta), clip);
    }

    /** {@code J(theta)^T grad L_clip(theta'(theta))}, with the Hessians at the iterates from {@code theta}. */
    INDArray clippedGradient(INDArray theta, double clip) {
        List<INDArray> iterates = inner.adapt(theta, innerLosses);
        INDArray g = surrogate.clippedGradient(iterates.get(inner.steps()), clip);
        if (firstOrder) {
            return g;
        }
        List<ReinforceLoss.Hessian> at = inner.hessians(iterates, innerLosses);
        try {
            return inner.transposedJacobianTimes(at, g);
        } finally {
            for (int k = at.size() - 1; k >= 0; k--) {
                at.get(k).close();
            }
        }
    }

    /** {@code J^T F J v}, {@code [P]}. */
    INDArray curvatureTimes(INDArray v) {
        if (hessians == null) {
            throw new IllegalStateException("this task's term was prepared for the clipped objective only");
        }
        INDArray jv = firstOrder ? v : inner.jacobianTimes(hessians, v);
        INDArray fjv = surrogate.fisherProduct(jv);
        return firstOrder ? fjv : inner.transposedJacobianTimes(hessians, fjv);
    }

    private INDArray adaptedFrom(INDArray theta) {
        return inner.adapt(theta, innerLosses).get(inner.steps());
    }

    /** Returns the pooled buffers, last opened first. */
    @Override
    public void close() {
        surrogate.close();
        for (int k = hessians == null ? -1 : hessians.size() - 1; k >= 0; k--) {
            hessians.get(k).close();
        }
    }
}
