package io.github.metarl4j.policy;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import io.github.metarl4j.data.HostArrays;
import io.github.metarl4j.nn.Scratch;

/** Pooled per-row arrays, and the shape checks the policies share. */
final class Rows {

    private Rows() {
    }

    /** {@code values} as a pooled {@code [rows, cols]} buffer of {@code scratch}. */
    static INDArray pooled(double[] values, Scratch scratch, DataType type, long rows, long cols) {
        return HostArrays.write(scratch.take(type, rows, cols), values, 0);
    }

    /** Each of {@code parameters} as a {@code [P]} array of {@code type}. */
    static java.util.List<INDArray> vectors(java.util.List<double[]> parameters, DataType type) {
        return parameters.stream().map(v -> HostArrays.create(v, type, v.length)).toList();
    }

    static void checkObservations(INDArray obs, int obsDim, DataType type) {
        if (obs == null || obs.rank() != 2 || obs.size(1) != obsDim || obs.dataType() != type) {
            throw new IllegalArgumentException("observations must be a " + type + " array of shape [N, " + obsDim
                    + "], got " + describe(obs));
        }
    }

    static void checkActions(INDArray actions, long rows, int actDim, DataType type) {
        if (actions == null || actions.rank() != 2 || actions.size(0) != rows || actions.size(1) != actDim
                || actions.dataType() != type) {
            throw new IllegalArgumentException("actions must be a " + type + " array of shape [" + rows + ", "
                    + actDim + "], got " + describe(actions));
        }
    }

    static void checkWeights(INDArray weights, long rows, DataType type) {
        if (weights == null || weights.rank() != 1 || weights.length() != rows || weights.dataType() != type) {
            throw new IllegalArgumentException("weights must be a " + type + " vector of length " + rows + ", got "
                    + describe(weights));
        }
    }

    static String describe(INDArray a) {
        return a == null ? "null" : a.dataType() + " " + Arrays.toString(a.shape());
    }
}
