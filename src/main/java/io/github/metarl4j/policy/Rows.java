package io.github.metarl4j.policy;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Moves small per-row arrays between ND4J and Java, and checks their shapes. */
final class Rows {

    private Rows() {
    }

    /** The values of {@code a} in row-major order. */
    static double[] read(INDArray a) {
        boolean plain = a.ordering() == 'c' && a.offset() == 0 && a.data().length() == a.length();
        return (plain ? a : a.dup('c')).data().asDouble();
    }

    static INDArray write(double[] values, DataType type, long... shape) {
        return Nd4j.create(values, shape, type);
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
