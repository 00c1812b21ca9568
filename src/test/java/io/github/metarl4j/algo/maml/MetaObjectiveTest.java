package io.github.metarl4j.algo.maml;

import static io.github.metarl4j.testing.FiniteDifferences.assertClose;
import static io.github.metarl4j.testing.FiniteDifferences.randomVector;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metarl4j.data.EpisodeBatch;
import io.github.metarl4j.nn.Activation;
import io.github.metarl4j.policy.CategoricalMlpPolicy;
import io.github.metarl4j.policy.GaussianMlpPolicy;
import io.github.metarl4j.policy.Policy;
import io.github.metarl4j.policy.ReinforceLoss;
import io.github.metarl4j.testing.FiniteDifferences;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The exact second-order meta-gradient and curvature against finite differences, in double precision. */
class MetaObjectiveTest {

    private static final GaussianMlpPolicy GAUSS = new GaussianMlpPolicy(2, new int[] {4}, 2, Activation.TANH, -0.2,
            DataType.DOUBLE);
    private static final CategoricalMlpPolicy CAT = new CategoricalMlpPolicy(2, new int[] {4}, 3, Activation.TANH,
            DataType.DOUBLE);

    static Stream<Arguments> cases() {
        return Stream.of(Arguments.of("gaussian", GAUSS, 1, 21L), Arguments.of("gaussian", GAUSS, 2, 22L),
                Arguments.of("categorical", CAT, 1, 23L), Arguments.of("categorical", CAT, 2, 24L));
    }

    /** A fabricated batch: T = 5, B = 3, ragged lengths, actions drawn from the policy at theta. */
    static EpisodeBatch batch(Policy policy, INDArray theta, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int t = 5;
        int b = 3;
        int[] lengths = {5, 2, 4};
        double[] obs = new double[t * b * 2];
        for (int i = 0; i < obs.length; i++) {
            obs[i] = (i / 2) / b < lengths[(i / 2) % b] ? rng.nextGaussian() : 0;
        }
        INDArray o = Nd4j.create(obs, new long[] {(long) t * b, 2}, DataType.DOUBLE);
        double[] act = policy.sample(theta, o, rng).dup().data().asDouble();
        for (int i = 0; i < act.length; i++) {
            int row = i / policy.actDim();
            if (row / b >= lengths[row % b]) {
                act[i] = 0;
            }
        }
        return EpisodeBatch.fromArrays(obs, act, new double[t * b], t, b, 2, policy.actDim(), lengths, new boolean[b],
                new int[] {0, 0, 0}, DataType.DOUBLE);
    }

    static INDArray advantages(long seed) {
        return randomVector(15, seed).reshape('c', new long[] {5, 3});
    }

    static MetaObjective objective(Policy policy, INDArray theta, int steps, double alpha, boolean firstOrder, long seed) {
        InnerLoop inner = new InnerLoop(alpha, steps);
        List<MetaObjective.Task> tasks = List.of(
                new MetaObjective.Task(batch(policy, theta, seed), advantages(seed + 1), batch(policy, theta, seed + 2),
                        advantages(seed + 3)),
                new MetaObjective.Task(batch(policy, theta, seed + 4), advantages(seed + 5),
                        batch(policy, theta, seed + 6), advantages(seed + 7)));
        return new MetaObjective(policy, inner, tasks, theta, firstOrder);
    }

    static INDArray theta(Policy policy, long seed) {
        return policy.initialParameters(new SplittableRandom(seed)).addi(randomVector(policy.numParams(), seed + 9).muli(0.3));
    }

    @ParameterizedTest(name = "{0}, {2} inner steps")
    @MethodSource("cases")
    void metaGradient_matchesFiniteDifferencesOfTheReadaptingObjective(String name, Policy policy, int steps, long seed) {
        INDArray theta = theta(policy, seed);
        MetaObjective objective = objective(policy, theta, steps, 0.5, false, seed);
        INDArray expected = FiniteDifferences.gradient(objective::value, theta);
        assertClose(expected, objective.gradient(), 1e-6, name + " meta-gradient, " + steps + " inner steps");
    }

    @ParameterizedTest(name = "{0}, {2} inner steps")
    @MethodSource("cases")
    void firstOrder_differsWhereHessiansMatter_andEqualsExactAtZeroStepSize(String name, Policy policy, int steps,
                                                                            long seed) {
        INDArray theta = theta(policy, seed);
        INDArray exact = objective(policy, theta, steps, 0.5, false, seed).gradient();
        INDArray first = objective(policy, theta, steps, 0.5, true, seed).gradient();
        double gap = exact.sub(first).norm2Number().doubleValue() / exact.norm2Number().doubleValue();
        assertTrue(gap > 1e-3, name + ": first-order gradient should differ, relative gap " + gap);
        INDArray exactZero = objective(policy, theta, steps, 0.0, false, seed).gradient();
        INDArray firstZero = objective(policy, theta, steps, 0.0, true, seed).gradient();
        assertClose(exactZero, firstZero, 1e-12, name + " at alpha = 0");
    }

    /** KL(theta) = mean_i KL(thetaOld'_i || theta'_i(theta)): zero at thetaOld, Hessian there = C. */
    @ParameterizedTest(name = "{0}, {2} inner steps")
    @MethodSource("cases")
    void curvature_isTheHessianOfTheMeanKlAtThetaOld(String name, Policy policy, int steps, long seed) {
        INDArray theta = theta(policy, seed);
        MetaObjective objective = objective(policy, theta, steps, 0.5, false, seed);
        assertEquals(0, objective.kl(theta), 1e-14);
        INDArray u = randomVector(policy.numParams(), seed + 10);
        INDArray v = randomVector(policy.numParams(), seed + 11);
        double h = 1e-5;
        java.util.function.ToDoubleFunction<INDArray> q = x -> (objective.kl(theta.add(x.mul(h)))
                + objective.kl(theta.sub(x.mul(h)))) / (h * h);
        double uCv = (q.applyAsDouble(u.add(v)) - q.applyAsDouble(u.sub(v))) / 4;
        double exact = u.mul(objective.curvatureTimes(v)).sumNumber().doubleValue();
        assertEquals(uCv, exact, 1e-5 * Math.max(1, Math.abs(exact)), name + " u^T C v");
        double vu = v.mul(objective.curvatureTimes(u)).sumNumber().doubleValue();
        assertEquals(exact, vu, 1e-10 * Math.max(1, Math.abs(exact)), name + " C symmetric");
    }

    @ParameterizedTest(name = "{0}, {2} inner steps")
    @MethodSource("cases")
    void trpoStep_onTheMetaObjective_lowersTheSurrogateWithinTheKlBound(String name, Policy policy, int steps,
                                                                        long seed) {
        INDArray theta = theta(policy, seed);
        MetaObjective objective = objective(policy, theta, steps, 0.5, false, seed);
        io.github.metarl4j.optim.Trpo.Result r = new io.github.metarl4j.optim.Trpo(
                io.github.metarl4j.optim.TrpoConfig.MAML_PAPER).step(objective, theta);
        assertTrue(r.accepted(), name + ": a step along the natural gradient should be accepted");
        assertTrue(r.valueAfter() < r.valueBefore());
        assertTrue(objective.kl(r.theta()) < 0.01);
        assertEquals(objective.value(r.theta()), r.valueAfter(), 1e-12);
    }

    @Test
    void surrogateGradient_matchesFiniteDifferencesAwayFromRatioOne() {
        INDArray thetaOld = theta(GAUSS, 31);
        Surrogate s = new Surrogate(GAUSS, batch(GAUSS, thetaOld, 32), advantages(33), thetaOld);
        INDArray theta = thetaOld.add(randomVector(GAUSS.numParams(), 34).muli(0.2));
        assertClose(FiniteDifferences.gradient(s::value, theta), s.gradient(theta), 1e-7, "surrogate gradient");
        // at ratio 1 the surrogate is the REINFORCE loss's value
        ReinforceLoss loss = new ReinforceLoss(GAUSS, batch(GAUSS, thetaOld, 32), advantages(33));
        assertEquals(loss.weights().sumNumber().doubleValue(), s.value(thetaOld), 1e-14);
    }

    @Test
    void adapt_doesNotMutateMetaParameters_andMovesTheAdaptedOnes() {
        INDArray theta = theta(GAUSS, 41);
        INDArray copy = theta.dup();
        MetaObjective objective = objective(GAUSS, theta, 2, 0.5, false, 41);
        objective.gradient();
        objective.curvatureTimes(randomVector(GAUSS.numParams(), 42));
        objective.value(theta.add(0.01));
        assertEquals(copy, theta);
        assertTrue(objective.adaptedOld(0).sub(theta).norm2Number().doubleValue() > 1e-3);
    }

    @Test
    void badInnerLoopSettings_areRejected() {
        assertEquals("inner step size must be finite and >= 0, got -0.1",
                assertThrows(IllegalArgumentException.class, () -> new InnerLoop(-0.1, 1)).getMessage());
        assertEquals("inner steps must be >= 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> new InnerLoop(0.1, 0)).getMessage());
    }
}
