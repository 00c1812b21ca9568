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
     * The policy head's directional derivative along {@code v [P]} (forward-mode differentiation
     * through the whole sequence): {@code J v}, {@code [T, B, out]}. With {@link #backward} it gives
     * Fisher products {@code J^T M J v}.
     */
    INDArray tangent(INDArray v);
}
