package io.github.metarl4j.nn;

import java.util.Arrays;
import java.util.concurrent.atomic.LongAdder;
import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A multilayer perceptron as a pure function of a flat parameter vector:
 * {@code a_0 = x}, {@code z_l = a_{l-1} W_l + b_l}, {@code a_l = f(z_l)} for hidden layers,
 * and a linear output {@code y = z_L}.
 *
 * <p>The parameter vector {@code theta [P]} holds, layer after layer, {@code W_l} ({@code [in_l,
 * out_l]}, row-major) then {@code b_l} ({@code [out_l]}); layer views are slices of it and nothing
 * mutates it. {@link #forward} returns an {@link MlpPass} (its large intermediate arrays pooled in a
 * {@link Scratch}), which gives the vector-Jacobian
 * product (backpropagation), and through {@link MlpPass#tangent} the Jacobian-vector product
 * (forward mode, the R-operator) and the second-order backward pass that yields
 * Hessian-vector products (Pearlmutter, "Fast Exact Multiplication by the Hessian", Neural
 * Computation 6(1), 1994). Every product is checked against central finite differences.
 */
public final class Mlp {

    private final int[] sizes;
    private final Activation activation;
    private final DataType dataType;
    private final long[] offsets;
    private final int numParams;
    private final LongAdder matrixFlops = new LongAdder();

    /**
     * @param inDim      input width, at least 1
     * @param hidden     hidden layer widths, each at least 1 (may be empty: a linear map)
     * @param outDim     output width, at least 1
     * @param activation the hidden layers' nonlinearity
     * @param dataType   FLOAT or DOUBLE, for parameters, inputs and every product
     */
    public Mlp(int inDim, int[] hidden, int outDim, Activation activation, DataType dataType) {
        sizes = new int[hidden.length + 2];
        sizes[0] = inDim;
        System.arraycopy(hidden, 0, sizes, 1, hidden.length);
        sizes[sizes.length - 1] = outDim;
        for (int i = 0; i < sizes.length; i++) {
            if (sizes[i] < 1) {
                throw new IllegalArgumentException("layer sizes must be >= 1, got " + Arrays.toString(sizes));
            }
        }
        if (activation == null) {
            throw new IllegalArgumentException("activation must be non-null");
        }
        if (dataType != DataType.FLOAT && dataType != DataType.DOUBLE) {
            throw new IllegalArgumentException("network data type must be FLOAT or DOUBLE, got " + dataType);
        }
        this.activation = activation;
        this.dataType = dataType;
        offsets = new long[layers() + 1];
        for (int l = 0; l < layers(); l++) {
            offsets[l + 1] = offsets[l] + (long) sizes[l] * sizes[l + 1] + sizes[l + 1];
        }
        if (offsets[layers()] > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("network has too many parameters: " + offsets[layers()]);
        }
        numParams = (int) offsets[layers()];
    }

    /** Number of affine layers, L. */
    public int layers() {
        return sizes.length - 1;
    }

    public int inDim() {
        return sizes[0];
    }

    public int outDim() {
        return sizes[sizes.length - 1];
    }

    /** Width of layer l's output (l in 1..L), or the input width for l = 0. */
    public int width(int l) {
        return sizes[l];
    }

    public int numParams() {
        return numParams;
    }

    /** The hidden layer widths, a copy. */
    public int[] hidden() {
        return Arrays.copyOfRange(sizes, 1, sizes.length - 1);
    }

    public Activation activation() {
        return activation;
    }

    public DataType dataType() {
        return dataType;
    }

    /**
     * Glorot and Bengio (2010) uniform weights, {@code U[-sqrt(6 / (in + out)), +sqrt(6 / (in + out))]},
     * and zero biases, drawn from {@code rng} layer by layer in row-major order.
     */
    public INDArray initialParameters(RandomGenerator rng) {
        double[] theta = new double[numParams];
        for (int l = 0; l < layers(); l++) {
            double limit = Math.sqrt(6.0 / (sizes[l] + sizes[l + 1]));
            int from = (int) offsets[l];
            for (int i = 0; i < sizes[l] * sizes[l + 1]; i++) {
                theta[from + i] = limit * (2 * rng.nextDouble() - 1);
            }
        }
        return Nd4j.create(theta, new long[] {numParams}, dataType);
    }

    /**
     * Runs the network on {@code x [N, inDim]} with parameters {@code theta [P]}. The pass's
     * arrays, and those of every product derived from it, come from {@code scratch} and stay valid
     * until the lease they were taken in closes.
     */
    public MlpPass forward(INDArray theta, INDArray x, Scratch scratch) {
        checkParameters(theta, "parameter vector");
        if (x == null || x.rank() != 2 || x.size(1) != inDim() || x.dataType() != dataType) {
            throw new IllegalArgumentException("inputs must be a " + dataType + " array of shape [N, " + inDim()
                    + "], got " + (x == null ? "null" : x.dataType() + " " + Arrays.toString(x.shape())));
        }
        return new MlpPass(this, theta, x, scratch);
    }

    /** Throws an error naming the sizes unless {@code v} is a {@code [P]} vector of the network's type. */
    public void checkParameters(INDArray v, String what) {
        if (v == null || v.rank() != 1 || v.length() != numParams || v.dataType() != dataType) {
            throw new IllegalArgumentException(what + " must be a " + dataType + " vector of length " + numParams
                    + ", got " + (v == null ? "null" : v.dataType() + " " + Arrays.toString(v.shape())));
        }
    }

    /**
     * {@code c = op(a) op(b) + beta c} through ND4J's gemm, counted: every matrix product of this
     * network's passes goes through here, so {@link #matrixFlops} is their exact operation count.
     */
    void gemm(INDArray a, INDArray b, INDArray c, boolean transposeA, boolean transposeB, double beta) {
        long inner = transposeA ? a.size(0) : a.size(1);
        matrixFlops.add(2L * c.length() * inner);
        Nd4j.gemm(a, b, c, transposeA, transposeB, 1.0, beta);
    }

    /** Counts a batched product's {@code 2 m n k} flops (see {@link #matrixFlops}). */
    void countMatrixFlops(long flops) {
        matrixFlops.add(flops);
    }

    /**
     * The floating-point operations of every matrix product this network has run so far, all
     * passes and threads together, counted as {@code 2 m n k} per {@code [m, k] x [k, n]} product
     * (the elementwise work between them is not counted). A diagnostic for benchmarks: read it
     * before and after the work to measure.
     */
    public long matrixFlops() {
        return matrixFlops.sum();
    }

    /** {@code W_l} of {@code vector} as a {@code [in_l, out_l]} view (l in 1..L). */
    INDArray weights(INDArray vector, int l) {
        long from = offsets[l - 1];
        return vector.get(NDArrayIndex.interval(from, from + (long) sizes[l - 1] * sizes[l]))
                .reshape('c', new long[] {sizes[l - 1], sizes[l]});
    }

    /** {@code b_l} of {@code vector} as a {@code [out_l]} view (l in 1..L). */
    INDArray bias(INDArray vector, int l) {
        long from = offsets[l - 1] + (long) sizes[l - 1] * sizes[l];
        return vector.get(NDArrayIndex.interval(from, from + sizes[l]));
    }
}
