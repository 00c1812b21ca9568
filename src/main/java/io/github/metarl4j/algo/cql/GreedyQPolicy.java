package io.github.metarl4j.algo.cql;

import io.github.metarl4j.algo.AdaptablePolicy;
import io.github.metarl4j.data.EpisodeBatch;
import io.github.metarl4j.data.HostArrays;
import io.github.metarl4j.nn.Mlp;
import io.github.metarl4j.nn.Scratch;
import io.github.metarl4j.sampler.ActionFunction;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The greedy policy of a Q-network, {@code argmax_a Q(s, a)} (ties to the lowest action); it does not
 * adapt, so its evaluation is the curve's point k = 0.
 *
 * @param net   the Q-network, {@code [N, obsDim] -> [N, A]}
 * @param theta its parameters {@code [P]}
 */
public record GreedyQPolicy(Mlp net, INDArray theta) implements AdaptablePolicy {

    /**
     * Checks the arguments and holds them:
     *
     * @param net   the Q-network, {@code [N, obsDim] -> [N, A]}
     * @param theta its parameters {@code [P]}
     */
    public GreedyQPolicy {
        net.checkParameters(theta, "Q-network parameters");
    }

    @Override
    public ActionFunction actions() {
        return (observations, rng) -> {
            double[] q;
            Scratch scratch = new Scratch();
            try (Scratch.Lease lease = scratch.lease()) {
                q = HostArrays.read(net.forward(theta, observations.castTo(net.dataType()), scratch).output());
            }
            return Nd4j.create(ConservativeQLearning.argmax(q, net.outDim()), new long[] {q.length / net.outDim(), 1},
                    org.nd4j.linalg.api.buffer.DataType.DOUBLE);
        };
    }

    /** This policy, unchanged. */
    @Override
    public AdaptablePolicy adapt(EpisodeBatch episodes) {
        return this;
    }
}
