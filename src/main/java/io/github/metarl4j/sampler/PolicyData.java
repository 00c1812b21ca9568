package io.github.metarl4j.sampler;

import io.github.metarl4j.data.HostArrays;
import java.io.Serial;
import java.io.Serializable;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A policy for episodes as data: a {@link PolicySpec} and M flat parameter vectors, one for all
 * rows or one per task (with tasks laid out task-major, block i of {@code [M E, obsDim]}
 * observations acts with vector i). It acts in this process by binding the spec once, on first
 * use; serialised (Java serialisation: the spec and {@code double[]} vectors), it acts the same on
 * another machine. This is how the library's learners hand their policies to a {@link Sampler}.
 */
public final class PolicyData implements ActionFunction, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final PolicySpec<ActionFunction> spec;
    private final double[][] parameters;
    private transient ActionFunction bound;

    /**
     * @param spec       the policy's kind and sizes
     * @param parameters M >= 1 vectors, each of the spec's length; copied
     */
    public PolicyData(PolicySpec<ActionFunction> spec, List<double[]> parameters) {
        this.spec = spec;
        this.parameters = checked(spec, parameters);
    }

    /** The policy {@code spec} at {@code thetas} (each {@code [P]}), one vector per row block. */
    public static PolicyData of(PolicySpec<ActionFunction> spec, List<INDArray> thetas) {
        return new PolicyData(spec, thetas.stream().map(HostArrays::read).toList());
    }

    static double[][] checked(PolicySpec<?> spec, List<double[]> parameters) {
        if (spec == null) {
            throw new IllegalArgumentException("policy spec must be non-null");
        }
        if (parameters == null || parameters.isEmpty()) {
            throw new IllegalArgumentException("policy parameters must be a non-empty list, got " + parameters);
        }
        double[][] copy = new double[parameters.size()][];
        for (int i = 0; i < copy.length; i++) {
            double[] v = parameters.get(i);
            if (v == null || v.length != spec.numParams()) {
                throw new IllegalArgumentException("parameter vector " + i + " must have length " + spec.numParams()
                        + ", got " + (v == null ? "null" : v.length));
            }
            copy[i] = v.clone();
        }
        return copy;
    }

    /** The spec. */
    public PolicySpec<ActionFunction> spec() {
        return spec;
    }

    /** M, the number of parameter vectors (row blocks). */
    public int blocks() {
        return parameters.length;
    }

    /** Vector {@code i}, a copy. */
    public double[] parameters(int i) {
        return parameters[i].clone();
    }

    /**
     * The policy of tasks {@code [first, first + count)} of a call of {@code tasks} tasks: the same
     * policy when it has one vector, else those tasks' vectors.
     *
     * @throws IllegalArgumentException if it has neither one vector nor one per task
     */
    public PolicyData part(int first, int count, int tasks) {
        if (parameters.length == 1) {
            return this;
        }
        if (parameters.length != tasks || first < 0 || count < 1 || first + count > tasks) {
            throw new IllegalArgumentException("a policy of " + parameters.length + " vectors has no part ["
                    + first + ", " + (first + count) + ") of " + tasks + " tasks");
        }
        return new PolicyData(spec, List.of(java.util.Arrays.copyOfRange(parameters, first, first + count)));
    }

    /** Acts with the spec bound in this process (bound once, on the first call). */
    @Override
    public INDArray act(INDArray observations, RowStreams rng) {
        if (bound == null) {
            bound = spec.bind(List.of(parameters));
        }
        return bound.act(observations, rng);
    }
}
