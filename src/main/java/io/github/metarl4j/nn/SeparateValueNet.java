package io.github.metarl4j.nn;

import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A policy network and a value network of the same kind side by side, as one sequence model on
 * {@code theta = [theta_pi (P_pi) | theta_v (P_v)]}: the policy head is the first network's, the
 * value head the second's, so that the value's regression does not shape the policy's memory (the
 * separate baseline of TRPO as Schulman et al. 2015 and the RL^2 paper train it). The first
 * network's value head and the second's policy head are unused: nothing depends on their
 * parameters, whose gradient is 0. The auxiliary head is the policy network's (it shapes the
 * memory that acts); the value network's, if it has one, is unused too.
 */
public final class SeparateValueNet implements SequenceModel {

    @java.io.Serial
    private static final long serialVersionUID = 1L;

    private final SequenceModel policy;
    private final SequenceModel value;

    /**
     * @param policy the network whose policy head acts
     * @param value  the network whose value head is the baseline, with the same inputs, outputs and type
     */
    public SeparateValueNet(SequenceModel policy, SequenceModel value) {
        if (policy.in() != value.in() || policy.out() != value.out() || policy.dataType() != value.dataType()) {
            throw new IllegalArgumentException("the policy and value networks must share inputs, outputs and type, got "
                    + policy.in() + "/" + policy.out() + "/" + policy.dataType() + " and " + value.in() + "/"
                    + value.out() + "/" + value.dataType());
        }
        this.policy = policy;
        this.value = value;
    }

    @Override
    public int in() {
        return policy.in();
    }

    @Override
    public int out() {
        return policy.out();
    }

    /** The policy network's auxiliary head. */
    @Override
    public int auxiliary() {
        return policy.auxiliary();
    }

    @Override
    public int numParams() {
        return policy.numParams() + value.numParams();
    }

    @Override
    public DataType dataType() {
        return policy.dataType();
    }

    /** Both networks' initial parameters, the policy's drawn first. */
    @Override
    public INDArray initialParameters(RandomGenerator rng) {
        return Nd4j.concat(0, policy.initialParameters(rng), value.initialParameters(rng));
    }

    private INDArray policyPart(INDArray theta) {
        return theta.get(NDArrayIndex.interval(0, policy.numParams()));
    }

    private INDArray valuePart(INDArray theta) {
        return theta.get(NDArrayIndex.interval(policy.numParams(), numParams()));
    }

    @Override
    public SequencePass forward(INDArray theta, INDArray x) {
        checkParameters(theta, "parameter vector");
        SequencePass p = policy.forward(policyPart(theta), x);
        SequencePass v = value.forward(valuePart(theta), x);
        return new SequencePass() {
            @Override
            public INDArray outputs() {
                return p.outputs();
            }

            @Override
            public INDArray values() {
                return v.values();
            }

            @Override
            public INDArray auxiliary() {
                return p.auxiliary();
            }

            @Override
            public INDArray backward(INDArray dOutputs, INDArray dValues, INDArray dAuxiliary) {
                return Nd4j.concat(0, p.backward(dOutputs, Nd4j.zeros(dValues.dataType(), dValues.shape()), dAuxiliary),
                        v.backward(Nd4j.zeros(dOutputs.dataType(), dOutputs.shape()), dValues, null));
            }

            @Override
            public INDArray tangent(INDArray direction) {
                checkParameters(direction, "tangent direction");
                return p.tangent(policyPart(direction));
            }
        };
    }

    /** The whole value network. */
    @Override
    public long[] valueParameters() {
        return new long[] {policy.numParams(), numParams()};
    }

    /** The policy network's memory alone: acting needs no value. */
    @Override
    public Stepper start(INDArray theta, int batch) {
        checkParameters(theta, "parameter vector");
        return policy.start(policyPart(theta), batch);
    }
}
