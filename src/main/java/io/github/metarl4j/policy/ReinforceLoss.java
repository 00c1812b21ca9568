package io.github.metarl4j.policy;

import io.github.metarl4j.data.HostArrays;
import io.github.metarl4j.data.EpisodeBatch;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The REINFORCE loss of a batch as a function of the parameters (Williams 1992; the MAML
 * paper's inner loss): {@code L(theta) = - mean_b [ (1 / len_b) sum_{t < len_b} A_{t,b} log pi_theta(a_{t,b} | s_{t,b}) ]},
 * the mean over each episode's own valid steps, then over episodes. It is the weighted
 * log-likelihood with weights {@code w_{t,b} = -A_{t,b} mask_{t,b} / (len_b B)}, so its gradient and
 * Hessian-vector product come from the policy's {@link PolicyPoint}.
 */
public final class ReinforceLoss {

    private final Policy policy;
    private final INDArray observations;
    private final INDArray actions;
    private final INDArray weights;

    /**
     * @param policy     the policy
     * @param batch      episodes, of the policy's data type
     * @param advantages {@code [T, B]}, e.g. normalised GAE
     */
    public ReinforceLoss(Policy policy, EpisodeBatch batch, INDArray advantages) {
        int t = batch.steps();
        int b = batch.episodes();
        if (advantages == null || advantages.rank() != 2 || advantages.size(0) != t || advantages.size(1) != b) {
            throw new IllegalArgumentException("advantages must have shape [" + t + ", " + b + "], got "
                    + Rows.describe(advantages));
        }
        if (batch.observations().dataType() != policy.dataType()) {
            throw new IllegalArgumentException("batch data type " + batch.observations().dataType()
                    + " must match the policy's " + policy.dataType());
        }
        this.policy = policy;
        this.observations = batch.observations().reshape('c', new long[] {(long) t * b, batch.obsDim()});
        this.actions = batch.actions().reshape('c', new long[] {(long) t * b, batch.actDim()});
        this.weights = HostArrays.create(weights(batch, HostArrays.read(advantages)), policy.dataType(), (long) t * b);
    }

    /** {@code w_{t,b} = -A_{t,b} mask_{t,b} / (len_b B)}, time-major {@code [T * B]}. */
    static double[] weights(EpisodeBatch batch, double[] advantages) {
        double[] w = episodeMean(batch);
        for (int i = 0; i < w.length; i++) {
            w[i] = w[i] == 0 ? 0 : -advantages[i] * w[i];
        }
        return w;
    }

    /**
     * The episode-mean weights {@code mask_{t,b} / (len_b B)}, time-major {@code [T * B]}: for per-step
     * values x, {@code sum w x} is the mean over each episode's own valid steps, then over episodes.
     */
    public static double[] episodeMean(EpisodeBatch batch) {
        int t = batch.steps();
        int b = batch.episodes();
        int[] lengths = batch.lengths();
        double[] w = new double[t * b];
        for (int j = 0; j < b; j++) {
            for (int s = 0; s < lengths[j]; s++) {
                w[s * b + j] = 1.0 / ((double) lengths[j] * b);
            }
        }
        return w;
    }

    /** The weights {@code w_{t,b}}, time-major {@code [T * B]}; read-only. */
    public INDArray weights() {
        return weights;
    }

    /** {@code L(theta)}. */
    public double value(INDArray theta) {
        return policy.logProb(theta, observations, actions).mul(weights).sumNumber().doubleValue();
    }

    /** {@code grad L(theta)}, {@code [P]}. */
    public INDArray gradient(INDArray theta) {
        try (PolicyPoint point = policy.at(theta, observations)) {
            return point.gradient(actions, weights);
        }
    }

    /** The loss's Hessian at {@code theta}, prepared for many products; close it when done. */
    public Hessian hessianAt(INDArray theta) {
        PolicyPoint point = policy.at(theta, observations);
        try {
            return new Hessian(point, point.hessian(actions, weights));
        } catch (RuntimeException e) {
            point.close();
            throw e;
        }
    }

    /** {@code H(theta)} of the loss at one point, reusing one forward and one backward pass across products. */
    public final class Hessian implements AutoCloseable {
        private final PolicyPoint point;
        private final PolicyPoint.Curvature curvature;

        private Hessian(PolicyPoint point, PolicyPoint.Curvature curvature) {
            this.point = point;
            this.curvature = curvature;
        }

        /** {@code H v}, {@code [P]}. */
        public INDArray times(INDArray v) {
            return curvature.times(v);
        }

        @Override
        public void close() {
            point.close();
        }
    }
}
