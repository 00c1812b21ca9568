package io.github.metarl4j.algo.maml;

import io.github.metarl4j.data.HostArrays;
import java.io.Serial;
import java.io.Serializable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A flat vector {@code [P]} as a query's serialisable input: shipped as {@code double[]} with its data
 * type (exact for FLOAT and DOUBLE), rebuilt as an array where the query runs.
 */
final class Vector implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final double[] values;
    private final DataType type;

    private Vector(double[] values, DataType type) {
        this.values = values;
        this.type = type;
    }

    static Vector of(INDArray v) {
        return new Vector(HostArrays.read(v), v.dataType());
    }

    /** A fresh array of the vector's type. */
    INDArray array() {
        return HostArrays.create(values, type, values.length);
    }
}
