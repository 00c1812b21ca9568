package io.github.metarl4j.algo.maml;

import io.github.metarl4j.data.HostArrays;
import io.github.metarl4j.optim.TrustRegionProblem;
import io.github.metarl4j.policy.Policy;
import io.github.metarl4j.policy.ReinforceLoss;
import io.github.metarl4j.sampler.TaskStates;
import io.github.metarl4j.sampler.TaskThreads;
import java.util.List;
import java.util.function.IntFunction;
import org.nd4j.linalg.api.buffer.DataType;
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

        /** Checks that task {@code index} has the episodes of every step of {@code inner}. */
        void checkSteps(int index, InnerLoop inner) {
            if (this.inner.size() != inner.steps()) {
                throw new IllegalArgumentException("task " + index + " has the episodes of " + this.inner.size()
                        + " inner steps, but the inner loop takes " + inner.steps());
            }
        }

        /** The inner losses of {@code policy}, one per step. */
        List<ReinforceLoss> innerLosses(Policy policy) {
            return inner.stream().map(t -> t.loss(policy)).toList();
        }
    }

    private final TaskStates<TaskObjective> terms;
    private final DataType type;
    private final int numParams;

    /**
     * The objective over per-task terms kept wherever the back end built them; every query is a
     * serialisable function of a flat vector, answered per task and averaged here in task order.
     *
     * @param terms     the tasks' terms
     * @param type      the policy's data type
     * @param numParams P
     */
    MetaObjective(TaskStates<TaskObjective> terms, DataType type, int numParams) {
        this.terms = terms;
        this.type = type;
        this.numParams = numParams;
    }

    /**
     * @param policy     the policy
     * @param inner      the inner loop
     * @param tasks      the meta-batch, at least one task
     * @param thetaOld   the meta-parameters from which the inner episodes were sampled
     * @param firstOrder whether to drop the second-order terms
     * @param parallel   runs the per-task work
     */
    MetaObjective(Policy policy, InnerLoop inner, List<Task> tasks, INDArray thetaOld, boolean firstOrder,
                  TaskThreads parallel) {
        this(local(tasks, inner, parallel, i -> new TaskObjective(policy, inner, tasks.get(i), thetaOld, firstOrder)),
                policy.dataType(), policy.numParams());
    }

    /** The terms of {@code tasks}, built and kept in this process. */
    static TaskStates<TaskObjective> local(List<Task> tasks, InnerLoop inner, TaskThreads parallel,
                                           IntFunction<TaskObjective> term) {
        if (tasks == null || tasks.isEmpty()) {
            throw new IllegalArgumentException("a meta-batch needs at least one task, got " + tasks);
        }
        for (int i = 0; i < tasks.size(); i++) {
            tasks.get(i).checkSteps(i, inner);
        }
        return TaskStates.of(parallel.map(tasks.size(), term), parallel);
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
        this(policy, inner, tasks, thetaOld, firstOrder, new TaskThreads(1));
    }

    /** The number of tasks. */
    public int tasks() {
        return terms.tasks();
    }

    /** The adapted parameters {@code thetaOld'_i} of task i. */
    public INDArray adaptedOld(int task) {
        return HostArrays.create(terms.map(t -> HostArrays.read(t.adaptedOld())).get(task), type, numParams);
    }

    /**
     * {@code mean_i L_out_i(theta'_i(theta))} and {@code mean_i KL(pi_thetaOld'_i || pi_theta'_i(theta))}:
     * re-adapts every task from {@code theta} once, one question to the tasks.
     */
    @Override
    public Evaluation evaluate(INDArray theta) {
        Vector at = Vector.of(theta);
        List<double[]> perTask = terms.map(t -> t.evaluate(at.array()));
        return new Evaluation(mean(perTask.stream().map(e -> e[0]).toList()),
                mean(perTask.stream().map(e -> e[1]).toList()));
    }

    /** The meta-gradient at {@code thetaOld}: {@code mean_i J_i^T grad L_out_i(thetaOld'_i)}, {@code [P]}. */
    @Override
    public INDArray gradient() {
        return meanOf(terms.map(t -> HostArrays.read(t.gradient())), type);
    }

    /** The curvature product at {@code thetaOld}: {@code mean_i J_i^T F_i J_i v}, {@code [P]}. */
    @Override
    public INDArray curvatureTimes(INDArray v) {
        Vector at = Vector.of(v);
        return meanOf(terms.map(t -> HostArrays.read(t.curvatureTimes(at.array()))), type);
    }

    /**
     * The mean of per-task values, summed in task order, so it does not depend on where or on how
     * many threads the tasks ran.
     */
    static double mean(List<Double> perTask) {
        double sum = 0;
        for (double x : perTask) {
            sum += x;
        }
        return sum / perTask.size();
    }

    /** The mean of per-task vectors, summed in task order in the data type {@code type}. */
    static INDArray meanOf(List<double[]> perTask, DataType type) {
        INDArray sum = HostArrays.create(perTask.get(0), type, perTask.get(0).length);
        for (int i = 1; i < perTask.size(); i++) {
            sum.addi(HostArrays.create(perTask.get(i), type, perTask.get(i).length));
        }
        return sum.divi(perTask.size());
    }

    /** Releases every task's term. */
    @Override
    public void close() {
        terms.close();
    }
}
