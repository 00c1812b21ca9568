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

    /** Name, policy, inner steps, seed; "fresh" cases give each inner step its own episodes. */
    static Stream<Arguments> cases() {
        return Stream.of(Arguments.of("gaussian", GAUSS, 1, 21L), Arguments.of("gaussian fresh", GAUSS, 2, 22L),
                Arguments.of("gaussian reuse", GAUSS, 2, 77L), Arguments.of("categorical", CAT, 1, 23L),
                Arguments.of("categorical fresh", CAT, 3, 24L), Arguments.of("categorical reuse", CAT, 2, 26L));
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
        return new MetaObjective(policy, new InnerLoop(alpha, steps), tasks(policy, theta, steps, seed), theta, firstOrder);
    }

    /**
     * Two tasks with fabricated episodes: each inner step has its own episodes, except in the
     * "reuse" seeds (ending in 5 to 9), whose steps all share the first step's.
     */
    static List<MetaObjective.Task> tasks(Policy policy, INDArray theta, int steps, long seed) {
        boolean reuse = seed % 10 >= 5;
        List<MetaObjective.Task> tasks = new java.util.ArrayList<>();
        for (long task = 0; task < 2; task++) {
            long s = seed + 4 * task;
            List<TaskEpisodes> inner = new java.util.ArrayList<>();
            for (int k = 0; k < steps; k++) {
                long ks = reuse ? s : s + 100L * k;
                inner.add(new TaskEpisodes(batch(policy, theta, ks), advantages(ks + 1)));
            }
            tasks.add(new MetaObjective.Task(inner, new TaskEpisodes(batch(policy, theta, s + 2), advantages(s + 3))));
        }
        return tasks;
    }

    static INDArray theta(Policy policy, long seed) {
        return policy.initialParameters(new SplittableRandom(seed)).addi(randomVector(policy.numParams(), seed + 9).muli(0.3));
    }

    @ParameterizedTest(name = "{0}, {2} inner steps")
    @MethodSource("cases")
    void metaGradient_matchesFiniteDifferencesOfTheReadaptingObjective(String name, Policy policy, int steps, long seed) {
        INDArray theta = theta(policy, seed);
        MetaObjective objective = objective(policy, theta, steps, 0.5, false, seed);
        INDArray expected = FiniteDifferences.gradient(t -> objective.evaluate(t).value(), theta);
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
        assertEquals(0, objective.evaluate(theta).kl(), 1e-14);
        INDArray u = randomVector(policy.numParams(), seed + 10);
        INDArray v = randomVector(policy.numParams(), seed + 11);
        double h = 1e-5;
        java.util.function.ToDoubleFunction<INDArray> q = x -> (objective.evaluate(theta.add(x.mul(h))).kl()
                + objective.evaluate(theta.sub(x.mul(h))).kl()) / (h * h);
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
        assertTrue(objective.evaluate(r.theta()).kl() < 0.01);
        assertEquals(objective.evaluate(r.theta()).value(), r.valueAfter(), 1e-12);
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
        // the kept sampling point gives the gradient there, and value and KL of a candidate together
        assertEquals(s.gradient(thetaOld), s.gradientAtSamplingPolicy());
        double[] both = s.evaluate(theta);
        assertEquals(s.value(theta), both[0], 0.0);
        assertEquals(s.kl(theta), both[1], 0.0);
        assertTrue(both[1] > 0, "KL away from the sampling policy: " + both[1]);
        assertEquals(0.0, s.kl(thetaOld), 0.0);
    }

    @Test
    void normalisedAdvantages_leaveTheSurrogateNoConstantTerm() {
        // ragged lengths (5, 2, 4), random rewards: the advantages' episode-mean is zero, so the
        // surrogate at the sampling parameters (every ratio 1) is 0, as in the reference implementation
        INDArray theta = theta(GAUSS, 5);
        EpisodeBatch b = batch(GAUSS, theta, 31);
        INDArray rewards = randomVector(15, 32).reshape('c', new long[] {5, 3}).muli(b.mask());
        EpisodeBatch ragged = new EpisodeBatch(b.observations(), b.actions(), rewards, b.mask(), b.lengths(),
                b.terminated(), b.taskIndex());
        INDArray adv = TaskEpisodes.advantages(ragged, 0.99, 1.0);
        try (Surrogate surrogate = new Surrogate(GAUSS, ragged, adv, theta)) {
            assertEquals(0, surrogate.value(theta), 1e-14);
        }
        double sum = 0;
        for (double w : new ReinforceLoss(GAUSS, ragged, adv).weights().toDoubleVector()) {
            sum += w;
        }
        assertEquals(0, sum, 1e-14);
    }

    @Test
    void adapt_doesNotMutateMetaParameters_andMovesTheAdaptedOnes() {
        INDArray theta = theta(GAUSS, 41);
        INDArray copy = theta.dup();
        MetaObjective objective = objective(GAUSS, theta, 2, 0.5, false, 41);
        objective.gradient();
        objective.curvatureTimes(randomVector(GAUSS.numParams(), 42));
        objective.evaluate(theta.add(0.01));
        assertEquals(copy, theta);
        assertTrue(objective.adaptedOld(0).sub(theta).norm2Number().doubleValue() > 1e-3);
    }

    @Test
    void freshInnerEpisodes_changeTheMetaGradient() {
        INDArray theta = theta(GAUSS, 27);
        INDArray fresh = objective(GAUSS, theta, 2, 0.5, false, 22).gradient();
        List<MetaObjective.Task> freshTasks = tasks(GAUSS, theta, 2, 22);
        List<MetaObjective.Task> reused = freshTasks.stream().map(t -> new MetaObjective.Task(
                List.of(t.inner().get(0), t.inner().get(0)), t.valid())).toList();
        INDArray reuse = new MetaObjective(GAUSS, new InnerLoop(0.5, 2), reused, theta, false).gradient();
        double gap = fresh.sub(reuse).norm2Number().doubleValue() / fresh.norm2Number().doubleValue();
        assertTrue(gap > 1e-3, "the second step's own episodes should change the meta-gradient, relative gap " + gap);
    }

    @Test
    void taskWithTheWrongNumberOfInnerSteps_isRejected() {
        INDArray theta = theta(GAUSS, 28);
        List<MetaObjective.Task> oneStep = tasks(GAUSS, theta, 1, 21);
        assertEquals("task 0 has the episodes of 1 inner steps, but the inner loop takes 2",
                assertThrows(IllegalArgumentException.class,
                        () -> new MetaObjective(GAUSS, new InnerLoop(0.5, 2), oneStep, theta, false)).getMessage());
    }

    @Test
    void badInnerLoopSettings_areRejected() {
        assertEquals("inner step size must be finite and >= 0, got -0.1",
                assertThrows(IllegalArgumentException.class, () -> new InnerLoop(-0.1, 1)).getMessage());
        assertEquals("inner steps must be >= 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> new InnerLoop(0.1, 0)).getMessage());
    }
}
