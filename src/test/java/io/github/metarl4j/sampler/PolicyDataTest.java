package io.github.metarl4j.sampler;

import static io.github.metarl4j.testing.FiniteDifferences.randomMatrix;
import static io.github.metarl4j.testing.FiniteDifferences.randomVector;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metarl4j.algo.rl2.Rl2Policy;
import io.github.metarl4j.algo.rl2.Rl2PolicySpec;
import io.github.metarl4j.data.HostArrays;
import io.github.metarl4j.data.TrialBatch;
import io.github.metarl4j.envs.tabular.RandomMdps;
import io.github.metarl4j.envs.tabular.TabularMdp;
import io.github.metarl4j.envs.tabular.TabularMdpConfig;
import io.github.metarl4j.env.TaskFamily;
import io.github.metarl4j.nn.Activation;
import io.github.metarl4j.nn.RecurrentNet;
import io.github.metarl4j.policy.CategoricalMlpPolicy;
import io.github.metarl4j.policy.GaussianMlpPolicy;
import io.github.metarl4j.policy.Policy;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A policy handed to a sampler as data (spec + flat parameters) acts the same after Java
 * serialisation, bit for bit, as the policy it was made from: what another back end needs to run
 * it elsewhere.
 */
class PolicyDataTest {

    static Stream<Policy> policies() {
        return Stream.of(new CategoricalMlpPolicy(3, new int[] {6, 5}, 4, Activation.TANH, DataType.FLOAT),
                new GaussianMlpPolicy(3, new int[] {6}, 2, Activation.RELU, -0.5, DataType.FLOAT),
                new GaussianMlpPolicy(3, new int[] {4}, 2, Activation.TANH, 0.3, DataType.DOUBLE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("policies")
    void episodePolicy_actsTheSameAfterSerialisation(Policy policy) throws Exception {
        int m = 3;
        int e = 4;
        List<INDArray> thetas = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            thetas.add(randomVector(policy.numParams(), 40 + i).castTo(policy.dataType()));
        }
        INDArray obs = randomMatrix(m * e, 3, 8).castTo(policy.dataType());
        ActionFunction here = policy.actions(thetas);
        PolicyData shipped = roundTrip((PolicyData) here);
        assertEquals(m, shipped.blocks());
        assertArrayEquals(HostArrays.read(thetas.get(2)), shipped.parameters(2));
        double[] a = HostArrays.read(here.act(obs, RowStreams.forTasks(5L, 0, m, e)));
        double[] b = HostArrays.read(shipped.act(obs, RowStreams.forTasks(5L, 0, m, e)));
        assertArrayEquals(a, b, "actions of the shipped policy");
    }

    @Test
    void trialPolicy_playsTheSameTrialsAfterSerialisation() throws Exception {
        TaskFamily<TabularMdp, double[], Integer> family = RandomMdps.family(new TabularMdpConfig(4, 5, 3));
        TrialInputs layout = new TrialInputs(family.spec().observationSpace().flatDim(), 5);
        RecurrentNet net = new RecurrentNet(layout.width(), 8, 5, DataType.FLOAT);
        INDArray theta = net.initialParameters(new SplittableRandom(2));
        TrialPolicyData data = new TrialPolicyData(new Rl2PolicySpec(net, io.github.metarl4j.algo.rl2.Rl2Inputs.PAPER, 1.0), HostArrays.read(theta));
        TrialPolicyData shipped = roundTrip(data);
        List<TabularMdp> tasks = family.tasks().train().sample(6, new SplittableRandom(3));
        try (LockstepSampler sampler = new LockstepSampler(2, DataType.FLOAT)) {
            TrialBatch here = sampler.sampleTrials(family, tasks, 2, new Rl2Policy(net, theta, 1.0), new SplittableRandom(4));
            TrialBatch there = sampler.sampleTrials(family, tasks, 2, shipped, new SplittableRandom(4));
            assertArrayEquals(here.actions(), there.actions());
            assertArrayEquals(here.rewards(), there.rewards());
            assertArrayEquals(here.inputs(), there.inputs());
        }
    }

    @Test
    void parametersOfTheWrongLength_areRefusedNamingTheVector() {
        CategoricalMlpPolicy policy = new CategoricalMlpPolicy(3, new int[] {4}, 2, Activation.TANH, DataType.FLOAT);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PolicyData(policy.spec(),
                List.of(new double[policy.numParams()], new double[policy.numParams() - 1])));
        assertTrue(e.getMessage().contains("parameter vector 1 must have length " + policy.numParams()),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new PolicyData(policy.spec(), List.of()));
        IllegalArgumentException rl2 = assertThrows(IllegalArgumentException.class,
                () -> new TrialPolicyData(new Rl2PolicySpec(new RecurrentNet(5, 4, 2, DataType.FLOAT), io.github.metarl4j.algo.rl2.Rl2Inputs.PAPER, 1.0), new double[3]));
        assertTrue(rl2.getMessage().contains("got 3"), rl2.getMessage());
    }

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T value) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }
}
