package io.github.metarl4j.algo.maml;

import io.github.metarl4j.policy.ReinforceLoss;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * MAML's inner loop (Finn, Abbeel and Levine, ICML 2017): {@code K} gradient steps on one
 * task's inner loss, {@code theta^(k+1) = theta^(k) - alpha grad L_in(theta^(k))}, reusing the same
 * episodes at every step, and the exact products with the adaptation's Jacobian
 * {@code J = d theta' / d theta = (I - alpha H^(K-1)) ... (I - alpha H^(0))}, with {@code H^(k)}
 * the Hessian of {@code L_in} at {@code theta^(k)} (symmetric), each factor one Hessian-vector
 * product. Adaptation is functional: it returns new vectors and never mutates {@code theta}.
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

    /** The iterates {@code [theta^(0) = theta, ..., theta^(K) = theta']}, each a new vector but the first. */
    public List<INDArray> adapt(INDArray theta, ReinforceLoss loss) {
        List<INDArray> iterates = new ArrayList<>(steps + 1);
        iterates.add(theta);
        INDArray current = theta;
        for (int k = 0; k < steps; k++) {
            current = current.sub(loss.gradient(current).muli(stepSize));
            iterates.add(current);
        }
        return iterates;
    }

    /**
     * The Hessians of {@code loss} at the first K iterates, prepared for the Jacobian products;
     * close them (in reverse order) when done.
     */
    public List<ReinforceLoss.Hessian> hessians(List<INDArray> iterates, ReinforceLoss loss) {
        List<ReinforceLoss.Hessian> out = new ArrayList<>(steps);
        for (int k = 0; k < steps; k++) {
            out.add(loss.hessianAt(iterates.get(k)));
        }
        return out;
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
