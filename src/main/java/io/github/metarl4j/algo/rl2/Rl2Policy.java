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
 * carried across its episodes; each step one model step per block of {@link #BLOCK} trials (so a
 * block acts the same whichever trials share the call) and a categorical draw from the logits.
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
        int blocks = (trials + BLOCK - 1) / BLOCK;
        SequenceModel.Stepper[] memory = new SequenceModel.Stepper[blocks];
        for (int k = 0; k < blocks; k++) {
            memory[k] = net.start(theta, Math.min(BLOCK, trials - k * BLOCK));
        }
        int in = net.in();
        int a = net.out();
        return (inputs, active, rng, actions) -> {
            double[] p = new double[a];
            for (int k = 0; k < blocks; k++) {
                int first = k * BLOCK;
                int rows = Math.min(BLOCK, trials - first);
                double[] logits;
                try (MemoryWorkspace ws = ScratchMemory.open(WORKSPACE)) {
                    logits = HostArrays.read(memory[k].step(HostArrays.create(
                            java.util.Arrays.copyOfRange(inputs, first * in, (first + rows) * in), net.dataType(),
                            rows, in)));
                }
                for (int r = 0; r < rows; r++) {
                    Categorical.logSoftmax(logits, r * a, a, p);
                    for (int j = 0; j < a; j++) {
                        p[j] = Math.exp(p[j]);
                    }
                    actions[first + r] = Categorical.draw(p, 0, a, rng.row(first + r).nextDouble());
                }
            }
        };
    }
}
