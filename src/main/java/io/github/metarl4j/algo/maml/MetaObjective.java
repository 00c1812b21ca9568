package io.github.metarl4j.algo.maml;

import io.github.metarl4j.optim.TrustRegionProblem;
import io.github.metarl4j.policy.Policy;
import io.github.metarl4j.policy.ReinforceLoss;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * MAML's outer objective on one meta-batch, as a function of the meta-parameters {@code theta}
 * (see the MAML specification): each task i adapts {@code theta'_i(theta)} on its inner episodes,
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
     * @param inner the episodes of each inner step with their advantages, K entries in step order:
     *              entry k sampled with {@code thetaOld^(k)} (or entry 0 repeated when episodes are reused)
     * @param valid the episodes sampled with the task's adapted {@code thetaOld'}, with their advantages
     */
    public record Task(List<TaskEpisodes> inner, TaskEpisodes valid) {

        /**
         * Checks the arguments and holds them:
         *
         * @param inner the episodes of each inner step with their advantages, K entries in step order:
         *              entry k sampled with {@code thetaOld^(k)} (or entry 0 repeated when episodes are reused)
         * @param valid the episodes sampled with the task's adapted {@code thetaOld'}, with their advantages
         */
        public Task {
            if (inner == null || inner.isEmpty() || valid == null) {
                throw new IllegalArgumentException("a task needs the episodes of at least one inner step and valid "
                        + "episodes, got " + inner + " and " + valid);
            }
            inner = List.copyOf(inner);
        }

        /** The inner losses of {@code policy}, one per step. */
        List<ReinforceLoss> innerLosses(Policy policy) {
            return inner.stream().map(t -> t.loss(policy)).toList();
        }
    }

    private final InnerLoop inner;
    private final boolean firstOrder;
    private final TaskParallel parallel;
    private final List<List<ReinforceLoss>> innerLosses = new ArrayList<>();
    private final List<List<INDArray>> oldIterates = new ArrayList<>();
    private final List<Surrogate> surrogates = new ArrayList<>();
    private final List<List<ReinforceLoss.Hessian>> hessians = new ArrayList<>();

    /**
     * @param policy     the policy
     * @param inner      the inner loop
     * @param tasks      the meta-batch, at least one task
     * @param thetaOld   the meta-parameters from which the inner episodes were sampled
     * @param firstOrder whether to drop the second-order terms
     * @param parallel   runs the per-task work
     */
    MetaObjective(Policy policy, InnerLoop inner, List<Task> tasks, INDArray thetaOld, boolean firstOrder,
                  TaskParallel parallel) {
        if (tasks == null || tasks.isEmpty()) {
            throw new IllegalArgumentException("a meta-batch needs at least one task, got " + tasks);
        }
        this.inner = inner;
        this.firstOrder = firstOrder;
        this.parallel = parallel;
        for (int i = 0; i < tasks.size(); i++) {
            if (tasks.get(i).inner().size() != inner.steps()) {
                throw new IllegalArgumentException("task " + i + " has the episodes of " + tasks.get(i).inner().size()
                        + " inner steps, but the inner loop takes " + inner.steps());
            }
            innerLosses.add(tasks.get(i).innerLosses(policy));
        }
        oldIterates.addAll(parallel.map(tasks.size(), i -> inner.adapt(thetaOld, innerLosses.get(i))));
        hessians.addAll(parallel.map(tasks.size(),
                i -> firstOrder ? List.<ReinforceLoss.Hessian>of() : inner.hessians(oldIterates.get(i), innerLosses.get(i))));
        surrogates.addAll(parallel.map(tasks.size(), i -> new Surrogate(policy, tasks.get(i).valid().episodes(),
                tasks.get(i).valid().advantages(), oldIterates.get(i).get(inner.steps()))));
    }

    /**
     * The objective computed on the caller's thread.
     *
     * @param policy     the policy
     * @param inner      the inner loop
     * @param tasks      the meta-batch, at least one task
     * @param thetaOld   the meta-parameters from which the inner episodes were sampled
     * @param firstOrder whether to drop the second-order terms
     */
    public MetaObjective(Policy policy, InnerLoop inner, List<Task> tasks, INDArray thetaOld, boolean firstOrder) {
        this(policy, inner, tasks, thetaOld, firstOrder, new TaskParallel(1));
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
        return mean(parallel.map(tasks(), i -> surrogates.get(i).value(adaptedFrom(theta, i))));
    }

    /** {@code mean_i KL(pi_thetaOld'_i || pi_theta'_i(theta))}. */
    @Override
    public double kl(INDArray theta) {
        return mean(parallel.map(tasks(), i -> surrogates.get(i).kl(adaptedFrom(theta, i))));
    }

    /** The meta-gradient at {@code thetaOld}: {@code mean_i J_i^T grad L_out_i(thetaOld'_i)}, {@code [P]}. */
    @Override
    public INDArray gradient() {
        return meanOf(parallel.map(tasks(), i -> {
            INDArray g = surrogates.get(i).gradient(adaptedOld(i));
            return firstOrder ? g : inner.transposedJacobianTimes(hessians.get(i), g);
        }));
    }

    /** The curvature product at {@code thetaOld}: {@code mean_i J_i^T F_i J_i v}, {@code [P]}. */
    @Override
    public INDArray curvatureTimes(INDArray v) {
        return meanOf(parallel.map(tasks(), i -> {
            INDArray jv = firstOrder ? v : inner.jacobianTimes(hessians.get(i), v);
            INDArray fjv = surrogates.get(i).fisherProduct(jv);
            return firstOrder ? fjv : inner.transposedJacobianTimes(hessians.get(i), fjv);
        }));
    }

    /** The mean, summed in task order so the result does not depend on the thread count. */
    private static double mean(List<Double> perTask) {
        double sum = 0;
        for (double x : perTask) {
            sum += x;
        }
        return sum / perTask.size();
    }

    private static INDArray meanOf(List<INDArray> perTask) {
        INDArray sum = perTask.get(0).dup();
        for (int i = 1; i < perTask.size(); i++) {
            sum.addi(perTask.get(i));
        }
        return sum.divi(perTask.size());
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
