package io.github.metarl4j.nn;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A GRU (Cho et al. 2014, as used by RL^2: Duan et al. 2016) with two linear heads, as a pure
 * function of a flat parameter vector {@code theta [P]}:
 * <pre>
 * r_t = sigmoid(x_t W_r + h_{t-1} U_r + b_r)
 * z_t = sigmoid(x_t W_z + h_{t-1} U_z + b_z)
 * n_t = tanh(x_t W_n + b_n + r_t * (h_{t-1} U_n))
 * h_t = (1 - z_t) * n_t + z_t * h_{t-1}          h_{-1} = 0
 * y_t = h_t W_y + b_y     [T, B, out]   (the policy head: logits)
 * v_t = h_t w_v + b_v     [T, B]        (the value head)
 * q_t = h_t W_q + b_q     [T, B, aux]   (the auxiliary head, when aux > 0)
 * </pre>
 * Parameter layout: {@code W [in, 3H]}, {@code U [H, 3H]} (gate blocks r, z, n), {@code b [3H]},
 * {@code W_y [H, out]}, {@code b_y [out]}, {@code w_v [H]}, {@code b_v [1]}, then
 * {@code W_q [H, aux]}, {@code b_q [aux]} (none when aux = 0), each row-major.
 * {@link #forward} runs whole sequences {@code [T, B, in]}; {@link RecurrentPass#backward} is exact
 * backpropagation through time (checked against finite differences).
 */
public final class RecurrentNet implements SequenceModel {

    @java.io.Serial
    private static final long serialVersionUID = 1L;

    private final int in;
    private final int hidden;
    private final int out;
    private final int auxiliary;
    private final DataType dataType;
    private final long[] offsets;

    /**
     * A GRU with a policy and a value head and no auxiliary head.
     *
     * @param in       input width, >= 1
     * @param hidden   H, >= 1
     * @param out      policy head width, >= 1
     * @param dataType FLOAT or DOUBLE
     */
    public RecurrentNet(int in, int hidden, int out, DataType dataType) {
        this(in, hidden, out, 0, dataType);
    }

    /**
     * A GRU with a policy, a value and an auxiliary head.
     *
     * @param in        input width, >= 1
     * @param hidden    H, >= 1
     * @param out       policy head width, >= 1
     * @param auxiliary auxiliary head width, >= 0 (0: none)
     * @param dataType  FLOAT or DOUBLE
     */
    public RecurrentNet(int in, int hidden, int out, int auxiliary, DataType dataType) {
        if (in < 1 || hidden < 1 || out < 1) {
            throw new IllegalArgumentException("in, hidden and out must be >= 1, got " + in + ", " + hidden + ", " + out);
        }
        if (auxiliary < 0) {
            throw new IllegalArgumentException("the auxiliary head's width must be >= 0, got " + auxiliary);
        }
        if (dataType != DataType.FLOAT && dataType != DataType.DOUBLE) {
            throw new IllegalArgumentException("dataType must be FLOAT or DOUBLE, got " + dataType);
        }
        this.in = in;
        this.hidden = hidden;
        this.out = out;
        this.auxiliary = auxiliary;
        this.dataType = dataType;
        long[] sizes = {(long) in * 3 * hidden, (long) hidden * 3 * hidden, 3L * hidden, (long) hidden * out, out,
            hidden, 1, (long) hidden * auxiliary, auxiliary};
        offsets = new long[sizes.length + 1];
        for (int i = 0; i < sizes.length; i++) {
            offsets[i + 1] = offsets[i] + sizes[i];
        }
    }

    /** Input width. */
    @Override
    public int in() {
        return in;
    }

    /** H. */
    public int hidden() {
        return hidden;
    }

    /** Policy head width. */
    @Override
    public int out() {
        return out;
    }

    /** Auxiliary head width (0: none). */
    @Override
    public int auxiliary() {
        return auxiliary;
    }

    /** P. */
    @Override
    public int numParams() {
        return Math.toIntExact(offsets[offsets.length - 1]);
    }

    /** The arrays' type. */
    @Override
    public DataType dataType() {
        return dataType;
    }

    /**
     * {@code W}, {@code U} and the auxiliary head's weights uniform on {@code [-1/sqrt(H), 1/sqrt(H)]},
     * the policy head's weights that times 0.1 (a near-uniform first policy), zero biases and value head.
     * The draws for {@code W}, {@code U} and the policy head come first, so a net with an auxiliary
     * head starts from the same policy as one without.
     */
    @Override
    public INDArray initialParameters(RandomGenerator rng) {
        double[] theta = new double[numParams()];
        double limit = 1 / Math.sqrt(hidden);
        for (int i = 0; i < offsets[2]; i++) {
            theta[i] = limit * (2 * rng.nextDouble() - 1);
        }
        for (long i = offsets[3]; i < offsets[4]; i++) {
            theta[(int) i] = 0.1 * limit * (2 * rng.nextDouble() - 1);
        }
        for (long i = offsets[7]; i < offsets[8]; i++) {
            theta[(int) i] = limit * (2 * rng.nextDouble() - 1);
        }
        return Nd4j.create(theta, new long[] {numParams()}, dataType);
    }

    /** {@code w_v} and {@code b_v}: the value head's weights and bias. */
    @Override
    public long[] valueParameters() {
        return new long[] {offsets[5], offsets[7]};
    }

    /**
     * Part {@code i} of {@code theta} (0 W, 1 U, 2 b, 3 W_y, 4 b_y, 5 w_v, 6 b_v, 7 W_q, 8 b_q) as a view
     * of {@code shape}.
     */
    INDArray part(INDArray theta, int i, long... shape) {
        return theta.get(NDArrayIndex.interval(offsets[i], offsets[i + 1])).reshape('c', shape);
    }

    /**
     * Runs {@code x [T, B, in]} from a zero hidden state.
     *
     * @return the pass, holding outputs {@code [T, B, out]}, values {@code [T, B]}, the auxiliary head
     *         {@code [T, B, aux]} and what the backward pass needs
     */
    @Override
    public RecurrentPass forward(INDArray theta, INDArray x) {
        checkParameters(theta, "parameter vector");
        if (x == null || x.rank() != 3 || x.size(2) != in || x.dataType() != dataType) {
            throw new IllegalArgumentException("inputs must be a " + dataType + " array of shape [T, B, " + in
                    + "], got " + (x == null ? "null" : x.dataType() + " " + Arrays.toString(x.shape())));
        }
        return new RecurrentPass(this, theta, x);
    }

    /**
     * Memory for acting: a hidden state {@code [B, H]}, zero at the start; each step is one GRU step
     * on {@code x [B, in]} and returns the policy head {@code [B, out]}.
     */
    @Override
    public Stepper start(INDArray theta, int batch) {
        checkParameters(theta, "parameter vector");
        INDArray[] h = {Nd4j.zeros(dataType, batch, hidden), Nd4j.zeros(dataType, batch, hidden)};
        return x -> {
            INDArray next = Nd4j.create(dataType, 1, batch, hidden);
            RecurrentPass.gru(this, theta, x.reshape('c', 1, batch, in), h[0], next);
            h[1].assign(next.reshape('c', batch, hidden));
            INDArray y = h[1].mmul(part(theta, 3, hidden, out)).addiRowVector(part(theta, 4, out));
            INDArray previous = h[0];
            h[0] = h[1];
            h[1] = previous;
            return y;
        };
    }
}
