package io.github.metarl4j.data;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Copies between ND4J's native buffers and Java arrays in one bulk NIO transfer each way.
 * ND4J's own {@code DataBuffer.asDouble} and {@code setData} go element by element through JNI:
 * measured here 120 us against 3 us for a {@code [400, 81]} float array.
 */
public final class HostArrays {

    private HostArrays() {
    }

    /** The values of {@code a} in row-major order (FLOAT and DOUBLE by bulk copy; other types elementwise). */
    public static double[] read(INDArray a) {
        boolean plain = a.ordering() == 'c' && a.offset() == 0 && a.data().length() == a.length();
        INDArray c = plain ? a : a.dup('c');
        double[] out = new double[(int) c.length()];
        if (c.dataType() == DataType.DOUBLE) {
            c.data().asNioDouble().get(0, out);
        } else if (c.dataType() == DataType.FLOAT) {
            float[] f = new float[out.length];
            c.data().asNioFloat().get(0, f);
            for (int i = 0; i < f.length; i++) {
                out[i] = f[i];
            }
        } else {
            return c.data().asDouble();
        }
        return out;
    }

    /**
     * Overwrites all of {@code target} (a c-ordered, non-view FLOAT or DOUBLE array) with
     * {@code src[offset, offset + target.length())}.
     */
    public static INDArray write(INDArray target, double[] src, int offset) {
        int n = (int) target.length();
        if (target.dataType() == DataType.DOUBLE) {
            target.data().asNioDouble().put(0, src, offset, n);
        } else if (target.dataType() == DataType.FLOAT) {
            float[] f = new float[n];
            for (int i = 0; i < n; i++) {
                f[i] = (float) src[offset + i];
            }
            target.data().asNioFloat().put(0, f);
        } else {
            throw new IllegalArgumentException("target must be FLOAT or DOUBLE, got " + target.dataType());
        }
        return target;
    }

    /** A new {@code type} array of {@code shape} holding the first values of {@code src}. */
    public static INDArray create(double[] src, DataType type, long... shape) {
        return write(Nd4j.createUninitialized(type, shape), src, 0);
    }
}
