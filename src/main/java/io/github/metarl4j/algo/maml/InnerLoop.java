package io.github.metarl4j.algo.maml;

import io.github.metarl4j.policy.ReinforceLoss;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * MAML's inner loop (Finn, Abbeel and Levine, ICML 2017): {@code K} gradient steps on one
 * task's inner losses, {@code theta^(k+1) = theta^(k) - alpha grad L_in^(k)(theta^(k))}, where
 * {@code L_in^(k)} is the REINFORCE loss on episodes {@code D_k}: fresh episodes sampled with
 * {@code theta^(k)} at every step (the reference implementation's rule, {@link MamlConfig.InnerSampling#FRESH}),
 * or the first step's episodes at every step ({@link MamlConfig.InnerSampling#REUSE}). The
 * episodes are data: the exact products with the adaptation's Jacobian
 * {@code J = d theta' / d theta = (I - alpha H^(K-1)) ... (I - alpha H^(0))}, with {@code H^(k)}
 * the Hessian of {@code L_in^(k)} at {@code theta^(k)} (symmetric), each factor one Hessian-vector
 * product, differentiate the sampled losses and omit the dependence of the sampling distributions
 * on {@code theta} (the term DiCE and ProMP add). Adaptation is functional: it returns new vectors
 * and never mutates {@code theta}.
 */
public final class InnerLoop {

    private final double stepSize;
    private final int steps;

    /**
     * @param stepSize alpha, finite and >= 0
     * @param steps    K, at least 1
     */
    public InnerLoop(double stepSize, int steps) {
        if (!(stepSize >= 0) || Double.isInfinite(stepSize)) {
            throw new IllegalArgumentException("inner step size must be finite and >= 0, got " + stepSize);
        }
        if (steps < 1) {
            throw new IllegalArgumentException("inner steps must be >= 1, got " + steps);
        }
        this.stepSize = stepSize;
        this.steps = steps;
    }

    public double stepSize() {
        return stepSize;
    }

    public int steps() {
        return steps;
    }

    /** One step {@code theta - alpha grad L(theta)}, a new vector. */
    public INDArray step(INDArray theta, ReinforceLoss loss) {
        return theta.sub(loss.gradient(theta).muli(stepSize));
    }

    /**
     * The iterates {@code [theta^(0) = theta, ..., theta^(K) = theta']}, each a new vector but the
     * first; step k descends {@code losses.get(k)}.
     *
     * @param losses the K inner losses, in step order (the same loss K times when episodes are reused)
     */
    public List<INDArray> adapt(INDArray theta, List<ReinforceLoss> losses) {
        checkLosses(losses);
        List<INDArray> iterates = new ArrayList<>(steps + 1);
        iterates.add(theta);
        INDArray current = theta;
        for (int k = 0; k < steps; k++) {
            current = step(current, losses.get(k));
            iterates.add(current);
        }
        return iterates;
    }

    /**
     * The Hessians of {@code losses.get(k)} at iterate k, for the first K iterates, prepared for the
     * Jacobian products; close them (in reverse order) when done.
     */
    public List<ReinforceLoss.Hessian> hessians(List<INDArray> iterates, List<ReinforceLoss> losses) {
        checkLosses(losses);
        List<ReinforceLoss.Hessian> out = new ArrayList<>(steps);
        for (int k = 0; k < steps; k++) {
            out.add(losses.get(k).hessianAt(iterates.get(k)));
        }
        return out;
    }

    private void checkLosses(List<ReinforceLoss> losses) {
        if (losses.size() != steps) {
            throw new IllegalArgumentException("the inner loop takes " + steps + " steps and needs one loss per step, got "
                    + losses.size());
        }
    }

    /** {@code J v = (I - alpha H^(K-1)) ... (I - alpha H^(0)) v}, from {@link #hessians}. */
    public INDArray jacobianTimes(List<ReinforceLoss.Hessian> hessians, INDArray v) {
        INDArray r = v.dup();
        for (int k = 0; k < steps; k++) {
            r.subi(hessians.get(k).times(r).muli(stepSize));
        }
        return r;
    }

    /** {@code J^T u = (I - alpha H^(0)) ... (I - alpha H^(K-1)) u}, from {@link #hessians}. */
    public INDArray transposedJacobianTimes(List<ReinforceLoss.Hessian> hessians, INDArray u) {
        INDArray r = u.dup();
        for (int k = steps - 1; k >= 0; k--) {
            r.subi(hessians.get(k).times(r).muli(stepSize));
        }
        return r;
    }
}
