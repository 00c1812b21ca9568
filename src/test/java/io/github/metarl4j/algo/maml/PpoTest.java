package io.github.metarl4j.algo.maml;

import io.github.metarl4j.sampler.TaskThreads;
import static io.github.metarl4j.algo.maml.MetaObjectiveTest.advantages;
import static io.github.metarl4j.algo.maml.MetaObjectiveTest.batch;
import static io.github.metarl4j.algo.maml.MetaObjectiveTest.theta;
import static io.github.metarl4j.testing.FiniteDifferences.assertClose;
import static io.github.metarl4j.testing.FiniteDifferences.randomVector;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.metarl4j.nn.Activation;
import io.github.metarl4j.optim.AdamOptimizer;
import io.github.metarl4j.optim.LearningRate;
import io.github.metarl4j.optim.PpoConfig;
import io.github.metarl4j.policy.CategoricalMlpPolicy;
import io.github.metarl4j.policy.GaussianMlpPolicy;
import io.github.metarl4j.policy.Policy;
import io.github.metarl4j.testing.FiniteDifferences;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** PPO's clipped surrogate and the clipped meta-gradient, against finite differences. */
class PpoTest {

    private static final GaussianMlpPolicy GAUSS = new GaussianMlpPolicy(2, new int[] {4}, 2, Activation.TANH, -0.2,
            DataType.DOUBLE);
    private static final CategoricalMlpPolicy CAT = new CategoricalMlpPolicy(2, new int[] {4}, 3, Activation.TANH,
            DataType.DOUBLE);

    static Stream<Arguments> cases() {
        return Stream.of(Arguments.of("gaussian", GAUSS, 1, 51L), Arguments.of("gaussian fresh", GAUSS, 2, 52L),
                Arguments.of("categorical", CAT, 1, 53L), Arguments.of("categorical fresh", CAT, 2, 54L),
                Arguments.of("categorical reuse", CAT, 2, 55L));
    }

    /** Two tasks, their data, and each task's adapted parameters at {@code theta} as the sampling ones. */
    private static ClippedMetaObjective objective(Policy policy, INDArray theta, int steps, long seed, TaskThreads p) {
        InnerLoop inner = new InnerLoop(0.5, steps);
        List<MetaObjective.Task> tasks = MetaObjectiveTest.tasks(policy, theta, steps, seed);
        List<INDArray> samplers = new ArrayList<>();
        for (MetaObjective.Task t : tasks) {
            samplers.add(inner.adapt(theta, t.innerLosses(policy)).get(steps));
        }
        return new ClippedMetaObjective(policy, inner, tasks, samplers, false, 0.2, p);
    }

    @Test
    void clippedSurrogateGradient_matchesFiniteDifferences_withSomeRowsClipped() {
        INDArray thetaOld = theta(GAUSS, 61);
        try (Surrogate s = new Surrogate(GAUSS, batch(GAUSS, thetaOld, 62), advantages(63), thetaOld)) {
            INDArray theta = thetaOld.add(randomVector(GAUSS.numParams(), 64).muli(0.15));
            assertClose(FiniteDifferences.gradient(t -> s.clippedValue(t, 0.2), theta), s.clippedGradient(theta, 0.2),
                    1e-7, "clipped surrogate gradient");
            // at ratio 1 nothing is clipped: the clipped and plain surrogates agree
            assertEquals(s.value(thetaOld), s.clippedValue(thetaOld, 0.2), 1e-14);
        }
    }

    @ParameterizedTest(name = "{0}, {2} inner steps")
    @MethodSource("cases")
    void atTheSamplingParameters_theClippedMetaGradientIsTheExactMetaGradient(String name, Policy policy, int steps,
                                                                              long seed) {
        INDArray theta = theta(policy, seed);
        try (TaskThreads p = new TaskThreads(1);
             ClippedMetaObjective clipped = objective(policy, theta, steps, seed, p);
             MetaObjective exact = MetaObjectiveTest.objective(policy, theta, steps, 0.5, false, seed)) {
            assertClose(exact.gradient(), clipped.gradient(theta), 1e-12, name + " clipped vs exact at ratio 1");
        }
    }

    @ParameterizedTest(name = "{0}, {2} inner steps")
    @MethodSource("cases")
    void clippedMetaGradient_matchesFiniteDifferencesOfTheReadaptingObjective(String name, Policy policy, int steps,
                                                                              long seed) {
        INDArray theta = theta(policy, seed);
        try (TaskThreads p = new TaskThreads(2); ClippedMetaObjective clipped = objective(policy, theta, steps, seed, p)) {
            INDArray moved = theta.add(randomVector(policy.numParams(), seed + 20).muli(0.05));
            assertClose(FiniteDifferences.gradient(clipped::value, moved), clipped.gradient(moved), 1e-6,
                    name + " clipped meta-gradient");
        }
    }

    @Test
    void adam_firstStepMatchesKingmaAndBasEfficientForm() {
        AdamOptimizer adam = new AdamOptimizer(LearningRate.constant(0.01), 3, DataType.DOUBLE);
        INDArray theta = Nd4j.create(new double[] {1, 2, 3}, new long[] {3}, DataType.DOUBLE);
        INDArray g = Nd4j.create(new double[] {0.5, -2, 1e-3}, new long[] {3}, DataType.DOUBLE);
        INDArray next = adam.step(theta, g);
        // step 1 of Kingma and Ba's efficient form: alpha_1 = lr sqrt(1 - b2) / (1 - b1), m = (1 - b1) g,
        // v = (1 - b2) g^2, update = alpha_1 m / (sqrt(v) + eps) = lr g / (|g| + eps / sqrt(1 - b2))
        double eps = 1e-8 / Math.sqrt(1 - 0.999);
        assertClose(Nd4j.create(new double[] {1 - 0.01 * 0.5 / (0.5 + eps), 2 + 0.01 * 2 / (2 + eps),
            3 - 0.01 * 1e-3 / (1e-3 + eps)}, new long[] {3}, DataType.DOUBLE), next, 1e-12, "Adam first step");
        assertEquals(Nd4j.create(new double[] {1, 2, 3}, new long[] {3}, DataType.DOUBLE), theta, "theta untouched");
        assertEquals(1, adam.iteration());
    }

    @Test
    void badPpoSettings_areRejected() {
        assertEquals("clip must be in (0, 1), got 0.0", assertThrows(IllegalArgumentException.class,
                () -> PpoConfig.constant(0, 5, 1e-3)).getMessage());
        assertEquals("epochs must be >= 1, got 0", assertThrows(IllegalArgumentException.class,
                () -> PpoConfig.constant(0.2, 0, 1e-3)).getMessage());
        assertEquals("learningRate must be finite and > 0, got -1.0", assertThrows(IllegalArgumentException.class,
                () -> PpoConfig.constant(0.2, 5, -1)).getMessage());
        assertEquals("ppo settings must be non-null", assertThrows(IllegalArgumentException.class,
                () -> MamlConfig.builder().ppo(null).build()).getMessage());
    }
}
