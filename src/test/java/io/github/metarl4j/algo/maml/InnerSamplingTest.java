package io.github.metarl4j.algo.maml;

import io.github.metarl4j.sampler.TaskThreads;
import io.github.metarl4j.algo.Metric;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.github.metarl4j.algo.MetaStepReport;
import io.github.metarl4j.data.EpisodeBatch;
import io.github.metarl4j.data.HostArrays;
import io.github.metarl4j.env.TaskFamily;
import io.github.metarl4j.envs.navigation.Navigation2D;
import io.github.metarl4j.envs.navigation.NavigationTask;
import io.github.metarl4j.nn.Activation;
import io.github.metarl4j.optim.Trpo;
import io.github.metarl4j.policy.GaussianMlpPolicy;
import io.github.metarl4j.random.SeedTree;
import io.github.metarl4j.sampler.LockstepSampler;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** With several inner steps, each step samples fresh episodes with the policy adapted so far, unless told to reuse. */
class InnerSamplingTest {

    private static final GaussianMlpPolicy POLICY = new GaussianMlpPolicy(2, new int[] {8}, 2, Activation.TANH, 0.0,
            DataType.DOUBLE);
    private static final TaskFamily<NavigationTask, double[], double[]> FAMILY = Navigation2D.family();

    private static MamlConfig config(MamlConfig.InnerSampling sampling) {
        return MamlConfig.builder().metaBatch(3).fastBatch(2).innerSteps(2).innerStepSize(0.1).innerSampling(sampling)
                .build();
    }

    private static List<NavigationTask> tasks() {
        return FAMILY.tasks().train().sample(3, SeedTree.root(5).child("tasks").generator());
    }

    private static INDArray theta() {
        return POLICY.initialParameters(SeedTree.root(3).generator());
    }

    /** The meta-step written out: D_0 with theta, one step, D_1 with theta^(1), one step, valid with theta^(2). */
    @Test
    void freshSampling_metaStep_equalsTheHandWrittenPipeline() {
        MamlConfig config = config(MamlConfig.InnerSampling.FRESH);
        List<NavigationTask> tasks = tasks();
        INDArray theta = theta();
        MetaStepReport report;
        INDArray stepped;
        try (Maml maml = new Maml(config, POLICY, theta, new LockstepSampler(1, POLICY.dataType()))) {
            report = maml.metaStep(FAMILY, tasks, SeedTree.root(9).generator());
            stepped = maml.parameters();
        }
        RandomGenerator rng = SeedTree.root(9).generator();
        InnerLoop inner = new InnerLoop(config.innerStepSize(), 1);
        List<List<TaskEpisodes>> innerData = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            innerData.add(new ArrayList<>());
        }
        List<INDArray> current = new ArrayList<>(Collections.nCopies(3, theta));
        long steps = 0;
        try (LockstepSampler sampler = new LockstepSampler(1, DataType.DOUBLE);
             TaskThreads one = new TaskThreads(1)) {
            for (int k = 0; k < 2; k++) {
                EpisodeBatch batch = sampler.sample(FAMILY, tasks, 2,
                        k == 0 ? POLICY.actions(theta) : POLICY.actions(current), rng);
                steps += batch.totalSteps();
                List<TaskEpisodes> split = TaskEpisodes.split(batch, 3, 2, config, one);
                for (int i = 0; i < 3; i++) {
                    innerData.get(i).add(split.get(i));
                    current.set(i, inner.step(current.get(i), split.get(i).loss(POLICY)));
                }
            }
            EpisodeBatch valid = sampler.sample(FAMILY, tasks, 2, POLICY.actions(current), rng);
            List<TaskEpisodes> valids = TaskEpisodes.split(valid, 3, 2, config, one);
            List<MetaObjective.Task> data = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                data.add(new MetaObjective.Task(innerData.get(i), valids.get(i)));
            }
            try (MetaObjective objective = new MetaObjective(POLICY, new InnerLoop(config.innerStepSize(), 2), data,
                    theta, false)) {
                Trpo.Result r = new Trpo(config.trpo()).step(objective, theta);
                assertArrayEquals(HostArrays.read(r.theta()), HostArrays.read(stepped), "meta-parameters after the step");
            }
            // the mean over all episodes, from per-task sums added in task order (what every back end adds)
            double[] returns = valid.episodeReturns();
            double sum = 0;
            for (int i = 0; i < 3; i++) {
                sum += returns[2 * i] + returns[2 * i + 1];
            }
            assertEquals(sum / 6, report.value(Metric.RETURN_AFTER), "return after adaptation");
            assertEquals(valid.meanEpisodeReturn(), report.value(Metric.RETURN_AFTER), 1e-9, "return after adaptation");
            assertEquals(steps + valid.totalSteps(), report.value(Metric.ENV_STEPS), "two inner batches and one valid batch");
        }
    }

    @Test
    void reuse_samplesOneInnerBatch_andFresh_samplesOnePerStep() {
        long fresh;
        long reuse;
        try (Maml f = new Maml(config(MamlConfig.InnerSampling.FRESH), POLICY, theta(), new LockstepSampler(1, POLICY.dataType()));
             Maml r = new Maml(config(MamlConfig.InnerSampling.REUSE), POLICY, theta(), new LockstepSampler(1, POLICY.dataType()))) {
            fresh = (long) f.metaStep(FAMILY, tasks(), SeedTree.root(9).generator()).value(Metric.ENV_STEPS);
            reuse = (long) r.metaStep(FAMILY, tasks(), SeedTree.root(9).generator()).value(Metric.ENV_STEPS);
        }
        int horizon = FAMILY.spec().horizon();
        assertEquals(3L * 3 * 2 * horizon, fresh, "navigation episodes run to the horizon: 3 batches of 3 tasks x 2");
        assertEquals(2L * 3 * 2 * horizon, reuse, "2 batches of 3 tasks x 2 episodes");
        assertNotEquals(fresh, reuse);
    }
}
