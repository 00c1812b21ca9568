package io.github.metarl4j.algo;

import io.github.metarl4j.data.HostArrays;
import io.github.metarl4j.optim.AdamOptimizer;
import java.util.Optional;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A learner's complete state as named flat arrays (parameters, optimiser moments, counters), in
 * double precision, which holds float and double parameters exactly. Names are sorted, so a state
 * writes and compares the same way every time.
 *
 * @param arrays the entries by name; copied on construction
 */
public record LearnerState(Map<String, double[]> arrays) {

    private static final String THETA = "theta";
    private static final String ADAM_MOMENTS = "adam.moments";
    private static final String ADAM_ITERATION = "adam.iteration";

    /**
     * Checks the arguments and holds them:
     *
     * @param arrays the entries by name; copied on construction
     */
    public LearnerState {
        TreeMap<String, double[]> copy = new TreeMap<>();
        arrays.forEach((k, v) -> copy.put(k, v.clone()));
        arrays = Collections.unmodifiableSortedMap(copy);
    }

    /**
     * The state of a learner made of its parameters {@code theta} ({@code "theta"}) and, when it has
     * one, its Adam optimiser ({@code "adam.moments"}, {@code "adam.iteration"}): the one layout every
     * learner of the library writes.
     */
    public static LearnerState of(INDArray theta, Optional<AdamOptimizer> adam) {
        Map<String, double[]> arrays = new TreeMap<>();
        arrays.put(THETA, HostArrays.read(theta));
        adam.ifPresent(a -> {
            arrays.put(ADAM_MOMENTS, a.moments());
            arrays.put(ADAM_ITERATION, new double[] {a.iteration()});
        });
        return new LearnerState(arrays);
    }

    /**
     * The parameters, {@code [numParams]} of {@code type}.
     *
     * @throws IllegalArgumentException if there are none or they have another length
     */
    public INDArray theta(long numParams, DataType type) {
        return HostArrays.create(get(THETA, numParams), type, numParams);
    }

    /**
     * Puts the saved moments and iteration into {@code adam}.
     *
     * @throws IllegalArgumentException if they are missing or the moments have another length
     */
    public void restoreInto(AdamOptimizer adam) {
        double[] moments = get(ADAM_MOMENTS, adam.moments().length);
        adam.restore(moments, (int) get(ADAM_ITERATION, 1)[0]);
    }

    /**
     * The entry {@code name}, checked to have {@code length} elements.
     *
     * @throws IllegalArgumentException naming the entry when it is missing or has another length
     */
    public double[] get(String name, long length) {
        double[] v = arrays.get(name);
        if (v == null) {
            throw new IllegalArgumentException("learner state has no entry '" + name + "'; it has " + arrays.keySet());
        }
        if (v.length != length) {
            throw new IllegalArgumentException("learner state entry '" + name + "' has length " + v.length
                    + ", expected " + length);
        }
        return v.clone();
    }

    /** Equal when both hold the same names with bit-identical values. */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof LearnerState other) || !arrays.keySet().equals(other.arrays.keySet())) {
            return false;
        }
        for (Map.Entry<String, double[]> e : arrays.entrySet()) {
            if (!Arrays.equals(e.getValue(), other.arrays.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = arrays.keySet().hashCode();
        for (double[] v : arrays.values()) {
            h = 31 * h + Arrays.hashCode(v);
        }
        return h;
    }
}
