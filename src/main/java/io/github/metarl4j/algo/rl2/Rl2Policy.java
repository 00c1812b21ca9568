package io.github.metarl4j.algo.rl2;

import io.github.metarl4j.data.HostArrays;
import io.github.metarl4j.nn.SequenceModel;
import io.github.metarl4j.nn.ScratchMemory;
import io.github.metarl4j.policy.Categorical;
import io.github.metarl4j.sampler.TrialInputs;
import io.github.metarl4j.sampler.TrialPolicy;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * RL^2's policy with fixed parameters, as a {@link TrialPolicy}: the sequence model's memory (the
 * GRU's hidden state {@code [B, H]}) per batch of trials, empty at the start of each trial and
 * carried across its episodes; each step one model step on the batch's inputs and a categorical
 * draw from the logits.
 */
public final class Rl2Policy implements TrialPolicy {

    private static final String WORKSPACE = "rl2-act";

    private final SequenceModel net;
    private final INDArray theta;

    /**
     * The policy of {@code net} at {@code theta}.
     *
     * @param net   the recurrent network
     * @param theta its parameters, a flat vector of {@code net}'s length (not copied; callers never mutate it)
     */
    public Rl2Policy(SequenceModel net, INDArray theta) {
        net.checkParameters(theta, "RL^2 parameters");
        this.net = net;
        this.theta = theta;
    }

    @Override
    public Actor start(int trials, TrialInputs layout) {
        if (layout.width() != net.in() || layout.actions() != net.out()) {
            throw new IllegalArgumentException("the network takes inputs of width " + net.in() + " and has " + net.out()
                    + " actions; the family's trials have width " + layout.width() + " and " + layout.actions()
                    + " actions");
        }
        SequenceModel.Stepper memory = net.start(theta, trials);
        return (inputs, active, rng, actions) -> {
            double[] logits;
            try (MemoryWorkspace ws = ScratchMemory.open(WORKSPACE)) {
                logits = HostArrays.read(memory.step(HostArrays.create(inputs, net.dataType(), trials, net.in())));
            }
            int a = net.out();
            double[] p = new double[a];
            for (int b = 0; b < trials; b++) {
                Categorical.logSoftmax(logits, b * a, a, p);
                for (int j = 0; j < a; j++) {
                    p[j] = Math.exp(p[j]);
                }
                actions[b] = Categorical.draw(p, 0, a, rng.row(b).nextDouble());
            }
        };
    }
}
