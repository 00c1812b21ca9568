package io.github.metarl4j.policy;

import static io.github.metarl4j.testing.FiniteDifferences.randomMatrix;
import io.github.metarl4j.sampler.RowStreams;
import static io.github.metarl4j.testing.FiniteDifferences.randomVector;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metarl4j.data.HostArrays;
import io.github.metarl4j.nn.Activation;
import io.github.metarl4j.nn.Mlp;
import io.github.metarl4j.nn.MlpBlocks;
import io.github.metarl4j.nn.Scratch;
import io.github.metarl4j.sampler.ActionFunction;
import io.github.metarl4j.sampler.RowBlocks;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Batched per-block networks and actions against one network pass per block. */
class BlockActionsTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("activations")
    void mlpBlocks_equalOnePassPerBlock(Activation activation) {
        Mlp net = new Mlp(3, new int[] {5, 4}, 2, activation, DataType.DOUBLE);
        int m = 4;
        int e = 3;
        List<INDArray> thetas = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            thetas.add(randomVector(net.numParams(), 10 + i));
        }
        INDArray x = randomMatrix(m * e, 3, 99);
        double[] batched = HostArrays.read(new MlpBlocks(net, thetas).output(x));
        Scratch scratch = new Scratch();
        for (int i = 0; i < m; i++) {
            INDArray rows = x.get(NDArrayIndex.interval(i * e, (i + 1) * e), NDArrayIndex.all()).dup('c');
            try (Scratch.Lease lease = scratch.lease()) {
                double[] one = HostArrays.read(net.forward(thetas.get(i), rows, scratch).output());
                for (int j = 0; j < one.length; j++) {
                    assertEquals(one[j], batched[i * e * 2 + j], 1e-13, "block " + i + " entry " + j);
                }
            }
        }
    }

    static Stream<Activation> activations() {
        return Stream.of(Activation.TANH, Activation.RELU);
    }

    static Stream<Policy> policies() {
        return Stream.of(new CategoricalMlpPolicy(3, new int[] {6}, 4, Activation.TANH, DataType.DOUBLE),
                new GaussianMlpPolicy(3, new int[] {6}, 2, Activation.TANH, -0.5, DataType.DOUBLE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("policies")
    void blockActions_sampleWhatRowBlocksOfSingleActionsSample(Policy policy) {
        int m = 5;
        int e = 4;
        List<INDArray> thetas = new ArrayList<>();
        List<ActionFunction> singles = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            INDArray theta = randomVector(policy.numParams(), 20 + i);
            thetas.add(theta);
            singles.add((obs, rng) -> policy.sample(theta, obs, rng.block(0)));
        }
        INDArray obs = randomMatrix(m * e, 3, 7);
        double[] batched = HostArrays.read(policy.actions(thetas).act(obs, RowStreams.single(new SplittableRandom(3), m * e)));
        double[] blockwise = HostArrays.read(new RowBlocks(singles, e).act(obs, RowStreams.single(new SplittableRandom(3), m * e)));
        assertEquals(blockwise.length, batched.length);
        for (int j = 0; j < batched.length; j++) {
            assertEquals(blockwise[j], batched[j], 1e-12, "action entry " + j);
        }
        // and blocks really differ: the same draws with one parameter vector for all rows give other actions
        double[] shared = HostArrays.read(policy.actions(thetas.get(0)).act(obs, RowStreams.single(new SplittableRandom(3), m * e)));
        boolean differs = false;
        for (int j = 0; j < batched.length; j++) {
            differs |= Math.abs(shared[j] - batched[j]) > 1e-9;
        }
        assertTrue(differs, "per-block parameters must change the actions");
    }

    @Test
    void blockActions_rejectRowCountsThatAreNotAMultipleOfTheBlocks() {
        Policy policy = new GaussianMlpPolicy(3, new int[] {6}, 2, Activation.TANH, 0.0, DataType.DOUBLE);
        List<INDArray> thetas = List.of(randomVector(policy.numParams(), 1), randomVector(policy.numParams(), 2));
        var e = assertThrows(IllegalArgumentException.class,
                () -> policy.actions(thetas).act(randomMatrix(5, 3, 1), RowStreams.single(new SplittableRandom(1), 5)));
        assertTrue(e.getMessage().contains("[2 x E, 3]") && e.getMessage().contains("[5, 3]"), e.getMessage());
    }

    @Test
    void singleParameterActions_equalSample() {
        Policy policy = new CategoricalMlpPolicy(3, new int[] {6}, 4, Activation.TANH, DataType.DOUBLE);
        INDArray theta = randomVector(policy.numParams(), 4);
        INDArray obs = randomMatrix(50, 3, 8);
        assertArrayEquals(HostArrays.read(policy.sample(theta, obs, new SplittableRandom(9))),
                HostArrays.read(policy.actions(theta).act(obs, RowStreams.single(new SplittableRandom(9), 50))));
    }
}
