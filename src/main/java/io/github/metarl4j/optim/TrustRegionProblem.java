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

    /** {@code L(theta)}. */
    double value(INDArray theta);

    /** The constraint {@code KL(theta)}, zero at {@code thetaOld}. */
    double kl(INDArray theta);
}
