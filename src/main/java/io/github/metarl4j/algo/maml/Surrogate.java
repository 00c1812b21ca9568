package io.github.metarl4j.algo.maml;

import io.github.metarl4j.data.EpisodeBatch;
import io.github.metarl4j.data.HostArrays;
import io.github.metarl4j.optim.PpoClip;
import io.github.metarl4j.policy.Policy;
import io.github.metarl4j.policy.PolicyPoint;
import io.github.metarl4j.policy.ReinforceLoss;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * TRPO's surrogate on one task's valid episodes (Schulman et al., ICML 2015), for adapted
 * parameters {@code theta'} against the parameters {@code thetaOld'} that sampled them:
 * {@code L(theta') = - mean_b (1/len_b) sum_t exp(log pi_theta'(a|s) - log pi_thetaOld'(a|s)) A_{t,b}}
 * and the KL constraint {@code mean_b (1/len_b) sum_t KL(pi_thetaOld'(.|s) || pi_theta'(.|s))},
 * both averaged over each episode's own steps, then over episodes, as the MAML reference does.
 */
public final class Surrogate implements AutoCloseable {

    private final Policy policy;
    private final INDArray thetaOld;
    private final INDArray observations;
    private final INDArray actions;
    private final INDArray weights;
    private final INDArray klWeights;
    private final INDArray oldLogProb;
    private final PolicyPoint oldPoint;

    /**
     * @param policy     the policy
     * @param valid      the task's valid episodes, sampled with {@code thetaOld}
     * @param advantages {@code [T, B]} advantages of those episodes
     * @param thetaOld   the adapted parameters that sampled them
     */
    public Surrogate(Policy policy, EpisodeBatch valid, INDArray advantages, INDArray thetaOld) {
        int t = valid.steps();
        int b = valid.episodes();
        this.policy = policy;
        this.thetaOld = thetaOld;
        this.observations = valid.observations().reshape('c', new long[] {(long) t * b, valid.obsDim()});
        this.actions = valid.actions().reshape('c', new long[] {(long) t * b, valid.actDim()});
        // REINFORCE's weights -A mask / (len B) are the surrogate's at ratio 1; the KL's are mask / (len B).
        this.weights = new ReinforceLoss(policy, valid, advantages).weights();
        this.klWeights = HostArrays.create(ReinforceLoss.episodeMean(valid), policy.dataType(), (long) t * b);
        this.oldPoint = policy.at(thetaOld, observations);
        this.oldLogProb = oldPoint.logProb(actions);
    }

    /** The parameters that sampled the episodes. */
    public INDArray thetaOld() {
        return thetaOld;
    }

    /** {@code exp(log pi_theta' - log pi_thetaOld')} per row, {@code [T * B]}. */
    private INDArray ratio(INDArray theta) {
        return Transforms.exp(policy.logProb(theta, observations, actions).subi(oldLogProb), false);
    }

    /** {@code L(theta')}. */
    public double value(INDArray theta) {
        return ratio(theta).muli(weights).sumNumber().doubleValue();
    }

    /** {@code grad L(theta') = sum_n w_n ratio_n grad log pi_theta'(a_n | s_n)}, {@code [P]}. */
    public INDArray gradient(INDArray theta) {
        INDArray w = ratio(theta).muli(weights);
        try (PolicyPoint point = policy.at(theta, observations)) {
            return point.gradient(actions, w);
        }
    }

    /**
     * {@code grad L} at the sampling policy's own parameters, where every ratio is 1: from the kept
     * point, without a forward pass.
     */
    public INDArray gradientAtSamplingPolicy() {
        return oldPoint.gradient(actions, weights);
    }

    /**
     * PPO's clipped surrogate {@code - mean_b (1/len_b) sum_t min(r A, clip(r, 1 - eps, 1 + eps) A)},
     * {@code r = pi_theta' / pi_thetaOld'} (Schulman et al., 2017).
     */
    public double clippedValue(INDArray theta, double eps) {
        double[] r = HostArrays.read(ratio(theta));
        double[] w = HostArrays.read(weights);
        double sum = 0;
        for (int n = 0; n < r.length; n++) {
            // w = -A em, so -em min(rA, clip(r)A) = max(r w, clip(r) w)
            sum += PpoClip.term(r[n], w[n], eps);
        }
        return sum;
    }

    /**
     * The gradient of {@link #clippedValue}: rows where the unclipped term is the active one
     * contribute {@code w_n r_n grad log pi}, clipped rows nothing, {@code [P]}.
     */
    public INDArray clippedGradient(INDArray theta, double eps) {
        double[] r = HostArrays.read(ratio(theta));
        double[] w = HostArrays.read(weights);
        double[] c = new double[r.length];
        for (int n = 0; n < r.length; n++) {
            c[n] = PpoClip.unclipped(r[n], w[n], eps) ? r[n] * w[n] : 0;
        }
        try (PolicyPoint point = policy.at(theta, observations)) {
            return point.gradient(actions, HostArrays.create(c, policy.dataType(), c.length));
        }
    }

    /** The mean KL from the sampling policy to {@code theta'}. */
    public double kl(INDArray theta) {
        try (PolicyPoint point = policy.at(theta, observations)) {
            return oldPoint.kl(point).muli(klWeights).sumNumber().doubleValue();
        }
    }

    /**
     * {@code {L(theta'), KL}} from one forward pass at {@code theta'} (the sampling policy's is
     * kept): what a line-search candidate needs.
     */
    public double[] evaluate(INDArray theta) {
        try (PolicyPoint point = policy.at(theta, observations)) {
            INDArray ratio = Transforms.exp(point.logProb(actions).subi(oldLogProb), false);
            return new double[] {ratio.muli(weights).sumNumber().doubleValue(),
                    oldPoint.kl(point).muli(klWeights).sumNumber().doubleValue()};
        }
    }

    /** {@code F v} at {@code thetaOld'}: the Hessian of {@link #kl} there. */
    public INDArray fisherProduct(INDArray v) {
        return oldPoint.fisherProduct(klWeights, v);
    }

    /** Returns the pooled buffers of the sampling policy's point. */
    @Override
    public void close() {
        oldPoint.close();
    }
}
