package io.github.metarl4j.policy;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A policy prepared at fixed parameters {@code theta} and observations {@code [N, obsDim]}: the
 * forward pass is computed once and every product reuses it, so a conjugate-gradient solve pays
 * for one forward pass, not one per iteration. Holds pooled native buffers until closed; the
 * results it returns are fresh arrays that outlive it. Use it from one thread at a time.
 *
 * <p>For the weighted log-likelihood {@code L = sum_n w_n log pi_theta(a_n | s_n)} with weights
 * {@code [N]}: {@link #gradient}, {@link #hessian} (its Hessian, times vectors) and {@link #fisherProduct}
 * ({@code sum_n w_n J_n^T M_n J_n v}, J_n the Jacobian of row n's distribution parameters, M_n the KL's
 * metric on them; with {@code w = 1/N} the Hessian of the mean KL at equal parameters).
 */
public interface PolicyPoint extends AutoCloseable {

    /** N. */
    long rows();

    /** {@code log pi(a_n | s_n)}, {@code [N]}. */
    INDArray logProb(INDArray actions);

    /**
     * {@code KL(pi_this(. | s_n) || pi_other(. | s_n))} per row, {@code [N]}, for a point of the same
     * policy on the same observations (its parameters may differ): no forward pass is repeated.
     */
    INDArray kl(PolicyPoint other);

    /** {@code grad_theta sum_n w_n log pi(a_n | s_n)}, {@code [P]}. */
    INDArray gradient(INDArray actions, INDArray weights);

    /**
     * The Hessian H of {@code sum_n w_n log pi(a_n | s_n)} at this point, prepared for many products:
     * what does not depend on the direction (the loss's output gradient and its backward pass) is
     * computed once. Valid while the point is open.
     */
    Curvature hessian(INDArray actions, INDArray weights);

    /** {@code sum_n w_n J_n^T M_n J_n v}, {@code [P]}. */
    INDArray fisherProduct(INDArray weights, INDArray v);

    /** Returns the pooled buffers. */
    @Override
    void close();

    /** A symmetric matrix of a point, applied to vectors. */
    interface Curvature {

        /** {@code H v}, {@code [P]}. */
        INDArray times(INDArray v);
    }
}
