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
 * block acts the same whichever trials share the call) and a categorical draw from the logits
 * divided by a temperature (1: the trained policy).
 */
public final class Rl2Policy implements TrialPolicy {

    private static final String WORKSPACE = "rl2-act";

    private final SequenceModel net;
    private final INDArray theta;
    private final double temperature;

    /**
     * The policy of {@code net} at {@code theta} drawing from {@code softmax(logits / temperature)}.
     *
     * @param net         the recurrent network
     * @param theta       its parameters, a flat vector of {@code net}'s length (not copied; callers never mutate it)
     * @param temperature the divisor of the logits, finite and > 0 (1: the trained policy)
     */
    public Rl2Policy(SequenceModel net, INDArray theta, double temperature) {
        net.checkParameters(theta, "RL^2 parameters");
        checkTemperature(temperature);
        this.net = net;
        this.theta = theta;
        this.temperature = temperature;
    }

    static void checkTemperature(double temperature) {
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be finite and > 0 (1: the trained policy), got "
                    + temperature);
        }
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
                if (temperature != 1.0) {
                    for (int q = 0; q < logits.length; q++) {
                        logits[q] /= temperature;
                    }
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
