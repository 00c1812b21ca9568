package io.github.metarl4j.algo.rl2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.metarl4j.data.HostArrays;
import io.github.metarl4j.nn.RecurrentNet;
import io.github.metarl4j.policy.Categorical;
import io.github.metarl4j.sampler.RowStreams;
import io.github.metarl4j.sampler.TrialInputs;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class Rl2PolicyTest {

    private static final TrialInputs LAYOUT = new TrialInputs(4, 3);
    private static final int TRIALS = 9;

    /** Each row's action is the draw, with the row's own uniform, from softmax(logits / T) computed by hand. */
    @Test
    void temperature_dividesTheLogitsBeforeTheDraw() {
        RecurrentNet net = new RecurrentNet(LAYOUT.width(), 8, 3, DataType.DOUBLE);
        INDArray theta = net.initialParameters(new SplittableRandom(5)).muli(3);
        double[] inputs = new SplittableRandom(6).doubles(TRIALS * LAYOUT.width(), -1, 1).toArray();
        double[] logits = HostArrays.read(net.start(theta, TRIALS).step(HostArrays.create(inputs, DataType.DOUBLE,
                TRIALS, LAYOUT.width())));
        for (double t : new double[] {1.0, 0.5, 3.0, 1e-9}) {
            int[] actions = act(new Rl2Policy(net, theta, t), inputs);
            RowStreams same = RowStreams.forTasks(9L, 0, TRIALS, 1);
            for (int r = 0; r < TRIALS; r++) {
                double[] p = new double[3];
                double max = Double.NEGATIVE_INFINITY;
                int argmax = 0;
                for (int j = 0; j < 3; j++) {
                    if (logits[3 * r + j] > max) {
                        max = logits[3 * r + j];
                        argmax = j;
                    }
                }
                double sum = 0;
                for (int j = 0; j < 3; j++) {
                    p[j] = Math.exp((logits[3 * r + j] - max) / t);
                    sum += p[j];
                }
                for (int j = 0; j < 3; j++) {
                    p[j] /= sum;
                }
                int expected = Categorical.draw(p, 0, 3, same.row(r).nextDouble());
                assertEquals(expected, actions[r], "T = " + t + ", row " + r + ", logits "
                        + Arrays.toString(Arrays.copyOfRange(logits, 3 * r, 3 * r + 3)));
                if (t == 1e-9) {
                    assertEquals(argmax, actions[r], "a temperature near 0 takes the largest logit");
                }
            }
        }
    }

    @Test
    void badTemperatures_areRejectedNamingTheValue() {
        RecurrentNet net = new RecurrentNet(LAYOUT.width(), 4, 3, DataType.DOUBLE);
        INDArray theta = net.initialParameters(new SplittableRandom(1));
        for (double t : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertEquals("temperature must be finite and > 0 (1: the trained policy), got " + t,
                    assertThrows(IllegalArgumentException.class, () -> new Rl2Policy(net, theta, t)).getMessage());
            assertEquals("temperature must be finite and > 0 (1: the trained policy), got " + t,
                    assertThrows(IllegalArgumentException.class,
                            () -> new Rl2PolicySpec(net, Rl2Inputs.PAPER, 1.0).atTemperature(t)).getMessage());
        }
    }

    private static int[] act(Rl2Policy policy, double[] inputs) {
        int[] actions = new int[TRIALS];
        boolean[] active = new boolean[TRIALS];
        Arrays.fill(active, true);
        policy.start(TRIALS, LAYOUT).act(inputs, active, RowStreams.forTasks(9L, 0, TRIALS, 1), actions);
        return actions;
    }
}
