package io.github.metarl4j.optim;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What a TRPO step needs of an objective to minimise around {@code thetaOld}: its gradient
 * and the constraint's curvature there, and the objective and constraint at any candidate.
 */
public interface TrustRegionProblem {

    /** {@code grad L(thetaOld)}, {@code [P]}. */
    INDArray gradient();

    /** {@code C v}, with C the Hessian of the constraint at {@code thetaOld} (symmetric, positive semi-definite). */
    INDArray curvatureTimes(INDArray v);

    /**
     * The objective and the constraint at a candidate, computed together (a back end answers both in
     * one round; an objective that adapts from {@code theta} adapts once).
     *
     * @param value {@code L(theta)}
     * @param kl    the constraint {@code KL(theta)}, zero at {@code thetaOld}
     */
    record Evaluation(double value, double kl) {
    }

    /** {@code L(theta)} and {@code KL(theta)}. */
    Evaluation evaluate(INDArray theta);
}
