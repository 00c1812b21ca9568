package io.github.metarl4j.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/** One forward pass of a {@link SequenceModel} over {@code [T, B, in]}, kept for its backward pass. */
public interface SequencePass {

    /** {@code [T, B, out]}: the policy head (logits). */
    INDArray outputs();

    /** {@code [T, B]}: the value head. */
    INDArray values();

    /** {@code [T, B, aux]}: the auxiliary head; null when the model has none. */
    INDArray auxiliary();

    /**
     * The gradient {@code [P]} of
     * {@code L = sum(dOutputs * outputs) + sum(dValues * values) + sum(dAuxiliary * auxiliary)}
     * (backpropagation through the whole sequence) for upstream gradients {@code dOutputs [T, B, out]},
     * {@code dValues [T, B]} and {@code dAuxiliary [T, B, aux]} (null: zero, and must be null when the
     * model has no auxiliary head).
     */
    INDArray backward(INDArray dOutputs, INDArray dValues, INDArray dAuxiliary);

    /**
     * The policy head's directional derivative along {@code v [P]} (forward-mode differentiation
     * through the whole sequence): {@code J v}, {@code [T, B, out]}. With {@link #backward} it gives
     * Fisher products {@code J^T M J v}.
     */
    INDArray tangent(INDArray v);
}
