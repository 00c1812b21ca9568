package io.github.metarl4j.policy;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A policy prepared at fixed parameters {@code theta} and observations {@code [N, obsDim]}: the
 * forward pass is computed once and every product reuses it, so a conjugate-gradient solve pays
 * for one forward pass, not one per iteration. Holds pooled native buffers until closed; the
 * results it returns are fresh arrays that outlive it. Use it from one thread at a time.
 *
 * <p>For the weighted log-likelihood {@code L = sum_n w_n log pi_theta(a_n | s_n)} with weights
 * {@code [N]}: {@link #gradient}, {@link #hvp} (its Hessian times v) and {@link #fisherProduct}
 * ({@code sum_n w_n J_n^T M_n J_n v}, J_n the Jacobian of row n's distribution parameters, M_n the KL's
 * metric on them; with {@code w = 1/N} the Hessian of the mean KL at equal parameters).
 */
public interface PolicyPoint extends AutoCloseable {

    /** N. */
    long rows();

    /** {@code log pi(a_n | s_n)}, {@code [N]}. */
    INDArray logProb(INDArray actions);

    /** {@code grad_theta sum_n w_n log pi(a_n | s_n)}, {@code [P]}. */
    INDArray gradient(INDArray actions, INDArray weights);

    /** {@code H v}, H the Hessian of {@code sum_n w_n log pi(a_n | s_n)}, {@code [P]}. */
    INDArray hvp(INDArray actions, INDArray weights, INDArray v);

    /** {@code sum_n w_n J_n^T M_n J_n v}, {@code [P]}. */
    INDArray fisherProduct(INDArray weights, INDArray v);

    /** Returns the pooled buffers. */
    @Override
    void close();
}
