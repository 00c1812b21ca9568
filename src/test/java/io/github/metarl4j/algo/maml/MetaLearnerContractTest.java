package io.github.metarl4j.algo.maml;

import io.github.metarl4j.optim.OuterOptimizer;
import io.github.metarl4j.sampler.LockstepSampler;
import io.github.metarl4j.sampler.RowStreams;
import io.github.metarl4j.algo.Metric;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metarl4j.algo.AdaptablePolicy;
import io.github.metarl4j.algo.LearnerState;
import io.github.metarl4j.algo.MetaLearner;
import io.github.metarl4j.algo.MetaStepReport;
import io.github.metarl4j.data.HostArrays;
import io.github.metarl4j.envs.navigation.NavigationTask;
import io.github.metarl4j.envs.navigation.Navigation2D;
import io.github.metarl4j.nn.Activation;
import io.github.metarl4j.policy.GaussianMlpPolicy;
import io.github.metarl4j.random.SeedTree;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The {@link io.github.metarl4j.algo.MetaLearner} contract, for MAML (TRPO and PPO) and the pretrained baseline. */
class MetaLearnerContractTest {

    private static final GaussianMlpPolicy POLICY = new GaussianMlpPolicy(2, new int[] {8}, 2, Activation.TANH, 0.0,
            DataType.FLOAT);

    private static MamlConfig config(OuterOptimizer outer) {
        return MamlConfig.builder().metaBatch(3).fastBatch(2).outer(outer).build();
    }

    static Stream<Arguments> learners() {
        BiFunction<INDArray, Integer, MetaLearner> trpo = (t, n) -> new Maml(config(OuterOptimizer.TRPO),
                POLICY, t, new LockstepSampler(n, POLICY.dataType()));
        BiFunction<INDArray, Integer, MetaLearner> ppo = (t, n) -> new Maml(config(OuterOptimizer.PPO),
                POLICY, t, new LockstepSampler(n, POLICY.dataType()));
        BiFunction<INDArray, Integer, MetaLearner> pretraining = (t, n) -> new Pretraining(
                config(OuterOptimizer.TRPO), POLICY, t, new LockstepSampler(n, POLICY.dataType()));
        return Stream.of(Arguments.of("maml-trpo", trpo), Arguments.of("maml-ppo", ppo),
                Arguments.of("pretraining", pretraining));
    }

    private static MetaStepReport step(MetaLearner learner, int i) {
        var family = Navigation2D.family();
        SeedTree root = SeedTree.root(7);
        List<NavigationTask> tasks = family.tasks().train().sample(3, root.child("tasks").child(i).generator());
        return learner.metaStep(family, tasks, root.child("batch").child(i).generator());
    }

    private static INDArray initial() {
        return POLICY.initialParameters(SeedTree.root(3).generator());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("learners")
    void restoredLearner_continuesBitForBit(String name, BiFunction<INDArray, Integer, MetaLearner> make) {
        try (MetaLearner uninterrupted = make.apply(initial(), 1); MetaLearner resumed = make.apply(initial(), 2)) {
            step(uninterrupted, 0);
            step(uninterrupted, 1);
            LearnerState saved = uninterrupted.state();
            MetaStepReport expected = step(uninterrupted, 2);
            step(uninterrupted, 3);

            resumed.restore(saved);
            assertEquals(saved, resumed.state(), name + ": restore then state gives the saved state back");
            MetaStepReport got = step(resumed, 2);
            step(resumed, 3);
            assertArrayEquals(HostArrays.read(uninterrupted.parameters()), HostArrays.read(resumed.parameters()),
                    name + ": parameters after resuming must equal the uninterrupted run's");
            assertEquals(uninterrupted.state(), resumed.state(), name + ": optimiser state too");
            assertEquals(expected.value(Metric.RETURN_AFTER), got.value(Metric.RETURN_AFTER), name);
            assertEquals(expected.value(Metric.OBJECTIVE_AFTER), got.value(Metric.OBJECTIVE_AFTER), name);
            assertNotEquals(saved, resumed.state(), name + ": the steps after the checkpoint changed the state");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("learners")
    void metaStep_replacesParameters_andLeavesEarlierPoliciesAlone(String name,
                                                                   BiFunction<INDArray, Integer, MetaLearner> make) {
        INDArray start = initial();
        double[] startValues = HostArrays.read(start);
        try (MetaLearner learner = make.apply(start, 1)) {
            AdaptablePolicy before = assertInstanceOf(AdaptablePolicy.class, learner.explorationPolicy(), name);
            MetaStepReport report = step(learner, 0);
            assertArrayEquals(startValues, HostArrays.read(start), name + ": the initial array is not mutated");
            assertFalse(java.util.Arrays.equals(startValues, HostArrays.read(learner.parameters())),
                    name + ": a meta-step moves the parameters");
            assertTrue(report.value(Metric.ENV_STEPS) > 0 && report.totalSecs() > 0, name + ": " + report);
            // the policy taken before the step still acts with the initial parameters
            INDArray obs = HostArrays.create(new double[] {0.1, -0.2, 0.3, 0.4}, DataType.FLOAT, 2, 2);
            INDArray fromBefore = before.actions().act(obs, RowStreams.single(SeedTree.root(1).generator(), 2));
            INDArray fromStart = POLICY.actions(start).act(obs, RowStreams.single(SeedTree.root(1).generator(), 2));
            assertArrayEquals(HostArrays.read(fromStart), HostArrays.read(fromBefore), name);
        }
    }

    /** MAML's PPO anneal counts {@code epochs} Adam steps per meta-batch: after 2 batches the rate is 0. */
    @Test
    void mamlPpoAnneal_leavesTheParametersAfterDecayBatches() {
        MamlConfig annealed = MamlConfig.builder().metaBatch(3).fastBatch(2).outer(OuterOptimizer.PPO)
                .ppo(new io.github.metarl4j.optim.PpoConfig(0.2, 3, 1e-3, 2)).build();
        try (Maml maml = new Maml(annealed, POLICY, initial(), new LockstepSampler(1, POLICY.dataType()))) {
            step(maml, 0);
            double[] afterFirst = HostArrays.read(maml.parameters());
            step(maml, 1);
            double[] afterSecond = HostArrays.read(maml.parameters());
            step(maml, 2);
            assertFalse(java.util.Arrays.equals(afterFirst, afterSecond), "batch 1 (rates 5e-4 to 1.67e-4) moves them");
            assertArrayEquals(afterSecond, HostArrays.read(maml.parameters()), "batch 2 steps at rate 0");
        }
    }

    @Test
    void restore_rejectsMissingAndMisSizedEntries_namingThem() {
        try (Maml maml = new Maml(config(OuterOptimizer.PPO), POLICY, initial(), new LockstepSampler(1, POLICY.dataType()))) {
            Map<String, double[]> entries = new HashMap<>(maml.state().arrays());
            entries.remove("adam.moments");
            var missing = assertThrows(IllegalArgumentException.class, () -> maml.restore(new LearnerState(entries)));
            assertTrue(missing.getMessage().contains("'adam.moments'"), missing.getMessage());
            entries.put("adam.moments", new double[2 * POLICY.numParams()]);
            entries.put("theta", new double[3]);
            var sized = assertThrows(IllegalArgumentException.class, () -> maml.restore(new LearnerState(entries)));
            assertTrue(sized.getMessage().contains("'theta' has length 3, expected " + POLICY.numParams()),
                    sized.getMessage());
        }
    }

    @Test
    void constructor_rejectsParametersOfAnotherShapeOrType() {
        INDArray wrongType = initial().castTo(DataType.DOUBLE);
        var e = assertThrows(IllegalArgumentException.class,
                () -> new Maml(config(OuterOptimizer.TRPO), POLICY, wrongType, new LockstepSampler(1, POLICY.dataType())));
        assertTrue(e.getMessage().contains("FLOAT"), e.getMessage());
    }
}
