package io.github.metarl4j.policy;

import io.github.metarl4j.sampler.ActionFunction;
import io.github.metarl4j.sampler.PolicyData;
import java.util.List;
import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A stochastic policy as a pure function of a flat parameter vector: given observations
 * {@code [N, obsDim]} and parameters {@code theta [P]}, a distribution over actions for each row.
 * Nothing mutates {@code theta}; adaptation produces new vectors.
 *
 * <p>Besides sampling and log-probabilities it gives the derivative products the
 * meta-learners need (see docs/derivatives.md), for the weighted log-likelihood
 * {@code L(theta) = sum_n w_n log pi_theta(a_n | s_n)} (REINFORCE takes {@code w = -A / count}):
 * its gradient, its Hessian-vector product, and the Fisher-vector product
 * {@code F v = sum_n w_n J_n^T M_n J_n v}, with {@code J_n} the Jacobian of row n's distribution
 * parameters and {@code M_n} the KL divergence's metric on them.
 */
public interface Policy {

    /** P, the length of a parameter vector. */
    int numParams();

    int obsDim();

    /** Width of one action's flat encoding (1 for a discrete action: its index). */
    int actDim();

    /** The type of parameters, observations, actions and results. */
    DataType dataType();

    /** A fresh parameter vector drawn from {@code rng}, {@code [P]}. */
    INDArray initialParameters(RandomGenerator rng);

    /** One action per row, {@code [N, actDim]}, drawn from {@code rng} in row order. */
    INDArray sample(INDArray theta, INDArray observations, RandomGenerator rng);

    /** {@code log pi(a_n | s_n)}, {@code [N]}. */
    INDArray logProb(INDArray theta, INDArray observations, INDArray actions);

    /** The entropy of each row's distribution, {@code [N]}. */
    INDArray entropy(INDArray theta, INDArray observations);

    /** {@code KL(pi_thetaOld(.|s_n) || pi_thetaNew(.|s_n))}, {@code [N]}. */
    INDArray kl(INDArray thetaOld, INDArray thetaNew, INDArray observations);

    /**
     * This policy prepared at {@code theta} on {@code observations [N, obsDim]}, for the derivative
     * products; close it when done (try-with-resources).
     */
    PolicyPoint at(INDArray theta, INDArray observations);

    /**
     * This policy as data, without parameters: a sampler on another machine rebuilds it from the
     * spec and acts the same, bit for bit.
     */
    PolicyDescription spec();

    /** This policy with parameters {@code theta}, as data the sampler acts with. */
    default ActionFunction actions(INDArray theta) {
        return actions(List.of(theta));
    }

    /**
     * M parameter vectors acting on M equal blocks of rows, as data the sampler acts with: rows
     * {@code [i E, (i + 1) E)} of {@code [M E, obsDim]} observations act with {@code thetas[i]} (with
     * tasks laid out task-major, each task's adapted policy on its own episodes). Randomness is drawn
     * in row order; the MLP policies compute all blocks in one batched network pass.
     */
    default ActionFunction actions(List<INDArray> thetas) {
        return PolicyData.of(spec(), thetas);
    }
}
