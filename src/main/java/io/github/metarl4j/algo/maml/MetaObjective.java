package io.github.metarl4j.algo.maml;

import io.github.metarl4j.data.EpisodeBatch;
import io.github.metarl4j.optim.TrustRegionProblem;
import io.github.metarl4j.policy.Policy;
import io.github.metarl4j.policy.ReinforceLoss;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * MAML's outer objective on one meta-batch, as a function of the meta-parameters {@code theta}
 * (see the MAML specification): each task i adapts {@code theta'_i(theta)} on its train episodes,
 * and the objective is the mean over tasks of TRPO's surrogate on its valid episodes, with the
 * mean KL to the policies that sampled them as the constraint. With {@code J_i = d theta'_i / d theta}:
 * <ul>
 *   <li>meta-gradient {@code g = mean_i J_i^T grad L_out_i(theta'_i)};</li>
 *   <li>curvature {@code C v = mean_i J_i^T F_i J_i v}, exactly the Hessian of the mean KL at
 *       {@code theta = thetaOld} (the KL's gradient in {@code theta'} vanishes there);</li>
 *   <li>first-order MAML drops every Hessian: {@code J_i = I}.</li>
 * </ul>
 */
public final class MetaObjective implements TrustRegionProblem, AutoCloseable {

    /**
     * One task's data.
     *
     * @param train           episodes sampled with {@code thetaOld}
     * @param trainAdvantages their {@code [T, B]} advantages
     * @param valid           episodes sampled with the task's adapted {@code thetaOld'}
     * @param validAdvantages their {@code [T, B]} advantages
     */
    public record Task(EpisodeBatch train, INDArray trainAdvantages, EpisodeBatch valid, INDArray validAdvantages) {
    }

    private final InnerLoop inner;
    private final boolean firstOrder;
    private final List<ReinforceLoss> innerLosses = new ArrayList<>();
    private final List<List<INDArray>> oldIterates = new ArrayList<>();
    private final List<Surrogate> surrogates = new ArrayList<>();
    private final List<List<ReinforceLoss.Hessian>> hessians = new ArrayList<>();

    /**
     * @param policy     the policy
     * @param inner      the inner loop
     * @param tasks      the meta-batch, at least one task
     * @param thetaOld   the meta-parameters that sampled the train episodes
     * @param firstOrder whether to drop the second-order terms
     */
    public MetaObjective(Policy policy, InnerLoop inner, List<Task> tasks, INDArray thetaOld, boolean firstOrder) {
        if (tasks == null || tasks.isEmpty()) {
            throw new IllegalArgumentException("a meta-batch needs at least one task, got " + tasks);
        }
        this.inner = inner;
        this.firstOrder = firstOrder;
        for (Task task : tasks) {
            ReinforceLoss loss = new ReinforceLoss(policy, task.train(), task.trainAdvantages());
            List<INDArray> iterates = inner.adapt(thetaOld, loss);
            innerLosses.add(loss);
            oldIterates.add(iterates);
            hessians.add(firstOrder ? List.of() : inner.hessians(iterates, loss));
            surrogates.add(new Surrogate(policy, task.valid(), task.validAdvantages(), iterates.get(inner.steps())));
        }
    }

    /** The number of tasks. */
    public int tasks() {
        return surrogates.size();
    }

    /** The adapted parameters {@code thetaOld'_i} of task i. */
    public INDArray adaptedOld(int task) {
        return oldIterates.get(task).get(inner.steps());
    }

    /** {@code mean_i L_out_i(theta'_i(theta))}: re-adapts every task from {@code theta}. */
    @Override
    public double value(INDArray theta) {
        double sum = 0;
        for (int i = 0; i < tasks(); i++) {
            sum += surrogates.get(i).value(adaptedFrom(theta, i));
        }
        return sum / tasks();
    }

    /** {@code mean_i KL(pi_thetaOld'_i || pi_theta'_i(theta))}. */
    @Override
    public double kl(INDArray theta) {
        double sum = 0;
        for (int i = 0; i < tasks(); i++) {
            sum += surrogates.get(i).kl(adaptedFrom(theta, i));
        }
        return sum / tasks();
    }

    /** The meta-gradient at {@code thetaOld}: {@code mean_i J_i^T grad L_out_i(thetaOld'_i)}, {@code [P]}. */
    @Override
    public INDArray gradient() {
        INDArray sum = null;
        for (int i = 0; i < tasks(); i++) {
            INDArray g = surrogates.get(i).gradient(adaptedOld(i));
            INDArray gi = firstOrder ? g : inner.transposedJacobianTimes(hessians.get(i), g);
            sum = sum == null ? gi : sum.addi(gi);
        }
        return sum.divi(tasks());
    }

    /** The curvature product at {@code thetaOld}: {@code mean_i J_i^T F_i J_i v}, {@code [P]}. */
    @Override
    public INDArray curvatureTimes(INDArray v) {
        INDArray sum = null;
        for (int i = 0; i < tasks(); i++) {
            INDArray jv = firstOrder ? v : inner.jacobianTimes(hessians.get(i), v);
            INDArray fjv = surrogates.get(i).fisherProduct(jv);
            INDArray ci = firstOrder ? fjv : inner.transposedJacobianTimes(hessians.get(i), fjv);
            sum = sum == null ? ci : sum.addi(ci);
        }
        return sum.divi(tasks());
    }

    /** Returns every prepared point's pooled buffers, last opened first. */
    @Override
    public void close() {
        for (int i = tasks() - 1; i >= 0; i--) {
            surrogates.get(i).close();
            List<ReinforceLoss.Hessian> h = hessians.get(i);
            for (int k = h.size() - 1; k >= 0; k--) {
                h.get(k).close();
            }
        }
    }

    private INDArray adaptedFrom(INDArray theta, int task) {
        return inner.adapt(theta, innerLosses.get(task)).get(inner.steps());
    }
}
