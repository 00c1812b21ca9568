package io.github.metarl4j.algo.rl2;

import io.github.metarl4j.optim.TrustRegionProblem;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * RL^2's update as a trust-region problem (TRPO, Schulman et al. 2015, as the RL^2 paper trains):
 * the objective is {@link TrialLoss}'s unclipped policy loss (surrogate and entropy) over the whole
 * batch, the constraint the policy's mean KL from the sampling policy, and the curvature that KL's
 * Hessian at the sampling parameters, the Fisher product through backpropagation through time
 * ({@link TrialPasses#fisherTimes}).
 */
final class TrialTrustRegion implements TrustRegionProblem {

    private final TrialPasses passes;
    private final Minibatches data;
    private final int[] trials;
    private final INDArray thetaOld;
    private final TrialPasses.Loss loss;
    private final INDArray gradient;

    /**
     * @param passes         the passes over the batch
     * @param data           the batch with its targets at {@code thetaOld}
     * @param trials         the trials of the batch the problem covers
     * @param thetaOld       the sampling parameters
     * @param loss           the unclipped loss of the policy
     * @param gradient       the loss's gradient at {@code thetaOld}
     */
    TrialTrustRegion(TrialPasses passes, Minibatches data, int[] trials, INDArray thetaOld, TrialPasses.Loss loss,
                     INDArray gradient) {
        this.passes = passes;
        this.data = data;
        this.trials = trials;
        this.thetaOld = thetaOld;
        this.loss = loss;
        this.gradient = gradient;
    }

    @Override
    public INDArray gradient() {
        return gradient;
    }

    @Override
    public INDArray curvatureTimes(INDArray v) {
        return passes.fisherTimes(thetaOld, data, trials, v.castTo(thetaOld.dataType()));
    }

    @Override
    public Evaluation evaluate(INDArray theta) {
        TrialLoss.Scalars at = passes.loss(theta, data, trials, loss);
        return new Evaluation(at.value(), at.meanKl());
    }
}
