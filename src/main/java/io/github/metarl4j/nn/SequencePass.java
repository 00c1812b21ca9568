package io.github.metarl4j.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/** One forward pass of a {@link SequenceModel} over {@code [T, B, in]}, kept for its backward pass. */
public interface SequencePass {

    /** {@code [T, B, out]}: the policy head (logits). */
    INDArray outputs();

    /** {@code [T, B]}: the value head. */
    INDArray values();

    /**
     * The gradient {@code [P]} of {@code L = sum(dOutputs * outputs) + sum(dValues * values)}
     * (backpropagation through the whole sequence) for upstream gradients {@code dOutputs [T, B, out]}
     * and {@code dValues [T, B]}.
     */
    INDArray backward(INDArray dOutputs, INDArray dValues);

    /**
     * The heads' directional derivatives along {@code v [P]} (forward-mode differentiation through
     * the whole sequence): {@code J v} for the policy head, {@code [T, B, out]}, and the value head,
     * {@code [T, B]}. With {@link #backward} it gives Gauss-Newton and Fisher products {@code J^T M J v}.
     */
    Tangent tangent(INDArray v);

    /**
     * Directional derivatives of the heads.
     *
     * @param outputs {@code [T, B, out]}
     * @param values  {@code [T, B]}
     */
    record Tangent(INDArray outputs, INDArray values) {
    }
}
