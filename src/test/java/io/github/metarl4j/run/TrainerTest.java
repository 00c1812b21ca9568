package io.github.metarl4j.run;

import io.github.metarl4j.optim.OuterOptimizer;
import io.github.metarl4j.sampler.LockstepSampler;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metarl4j.algo.ExplorationPolicy;
import io.github.metarl4j.algo.LearnerState;
import io.github.metarl4j.algo.MetaLearner;
import io.github.metarl4j.algo.MetaStepReport;
import io.github.metarl4j.algo.Metric;
import io.github.metarl4j.algo.maml.Maml;
import io.github.metarl4j.algo.maml.MamlConfig;
import io.github.metarl4j.data.HostArrays;
import io.github.metarl4j.env.TaskFamily;
import io.github.metarl4j.envs.navigation.Navigation2D;
import io.github.metarl4j.nn.Activation;
import io.github.metarl4j.policy.GaussianMlpPolicy;
import io.github.metarl4j.random.SeedTree;
import io.github.metarl4j.task.Task;
import io.github.metarl4j.task.TaskSchedule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class TrainerTest {

    private static final GaussianMlpPolicy POLICY = new GaussianMlpPolicy(2, new int[] {8}, 2, Activation.TANH, 0.0,
            DataType.FLOAT);
    private static final MamlConfig CONFIG = MamlConfig.builder().metaBatch(3).fastBatch(2)
            .outer(OuterOptimizer.PPO).build();

    private static Maml learner() {
        return new Maml(CONFIG, POLICY, POLICY.initialParameters(SeedTree.root(5).generator()),
                new LockstepSampler(1, POLICY.dataType()));
    }

    private static Trainer.Persistence persistence(Path dir, int every) {
        return new Trainer.Persistence(Optional.of(new CheckpointStore(dir.resolve("checkpoints"), 2)),
                Optional.of(new MetricsLog(dir, Metric.POLICY_GRADIENT)), every, "name: trainer-test\n");
    }

    private static long train(MetaLearner learner, Path dir, long total, AtomicBoolean stop) {
        var family = Navigation2D.family();
        return new Trainer(persistence(dir, 2), Progress.none()).train("maml", learner, family,
                TaskSchedule.constant(family.tasks().train()), 3, total, SeedTree.root(11), stop);
    }

    /** The metric rows without the wall-time columns, which differ between runs. */
    private static List<String> rowsWithoutTimes(Path dir) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("metrics.csv"))) {
            String[] cells = line.split(",");
            out.add(String.join(",", java.util.Arrays.copyOf(cells, cells.length - 3)));
        }
        return out;
    }

    @Test
    void resumedRun_equalsUninterruptedRun_bitForBit(@TempDir Path tmp) throws IOException {
        Path whole = tmp.resolve("whole");
        Path parts = tmp.resolve("parts");
        try (Maml a = learner()) {
            assertEquals(5, train(a, whole, 5, new AtomicBoolean()));
            try (Maml first = learner()) {
                assertEquals(3, train(first, parts, 3, new AtomicBoolean()));
            }
            // the checkpoint after batch 3 is the newest; a fresh learner resumes from it
            try (Maml second = learner()) {
                assertEquals(5, train(second, parts, 5, new AtomicBoolean()));
                assertArrayEquals(HostArrays.read(a.parameters()), HostArrays.read(second.parameters()));
                assertEquals(a.state(), second.state());
            }
        }
        assertEquals(rowsWithoutTimes(whole), rowsWithoutTimes(parts));
        assertEquals(6, rowsWithoutTimes(parts).size()); // header and 5 batches, none twice
    }

    @Test
    void resumeFromAnEarlierCheckpoint_dropsTheLaterMetricRows(@TempDir Path tmp) throws IOException {
        Path whole = tmp.resolve("whole");
        Path parts = tmp.resolve("parts");
        try (Maml a = learner(); Maml b = learner(); Maml c = learner()) {
            train(a, whole, 4, new AtomicBoolean());
            train(b, parts, 3, new AtomicBoolean()); // checkpoints after 2 and 3, rows 0..2
            Files.delete(parts.resolve("checkpoints").resolve("checkpoint-000000003.bin")); // lost: back to 2
            train(c, parts, 4, new AtomicBoolean());
            assertEquals(a.state(), c.state());
        }
        assertEquals(rowsWithoutTimes(whole), rowsWithoutTimes(parts));
    }

    @Test
    void stopRequest_finishesTheBatch_checkpoints_andResumes(@TempDir Path tmp) {
        try (Maml a = learner(); Maml b = learner(); Maml whole = learner()) {
            assertEquals(1, train(a, tmp.resolve("run"), 4, new AtomicBoolean(true)));
            assertEquals(1, new CheckpointStore(tmp.resolve("run").resolve("checkpoints"), 2).latest(w -> { })
                    .orElseThrow().batchesDone());
            assertEquals(4, train(b, tmp.resolve("run"), 4, new AtomicBoolean()));
            train(whole, tmp.resolve("whole"), 4, new AtomicBoolean());
            assertEquals(whole.state(), b.state());
        }
    }

    @Test
    void nonFiniteObjective_stopsTheRun_namingBatchAndQuantity_andKeepsTheLastGoodCheckpoint(@TempDir Path tmp)
            throws IOException {
        try (Maml maml = learner(); Poisoned poisoned = new Poisoned(maml, 3)) {
            var e = assertThrows(NonFiniteValueException.class,
                    () -> train(poisoned, tmp, 6, new AtomicBoolean()));
            assertEquals(3, e.batch());
            assertEquals("objective_after", e.quantity());
            assertTrue(e.getMessage().startsWith("meta-batch 3: objective_after is not finite (NaN)"), e.getMessage());
        }
        Checkpoint last = new CheckpointStore(tmp.resolve("checkpoints"), 2).latest(w -> { }).orElseThrow();
        assertEquals(2, last.batchesDone());
        assertEquals(4, Files.readAllLines(tmp.resolve("metrics.csv")).size()); // header and batches 0..2
    }

    /** A learner whose report turns NaN at one batch. */
    private static final class Poisoned implements MetaLearner {
        private final MetaLearner inner;
        private final int at;
        private int calls;

        Poisoned(MetaLearner inner, int at) {
            this.inner = inner;
            this.at = at;
        }

        @Override
        public ExplorationPolicy explorationPolicy() {
            return inner.explorationPolicy();
        }

        @Override
        public <T extends Task, O, A> MetaStepReport metaStep(TaskFamily<T, O, A> family, List<T> tasks,
                                                              RandomGenerator rng) {
            MetaStepReport r = inner.metaStep(family, tasks, rng);
            return calls++ != at ? r : r.with(Metric.OBJECTIVE_AFTER, Double.NaN);
        }

        @Override
        public List<Metric> metrics() {
            return inner.metrics();
        }

        @Override
        public INDArray parameters() {
            return inner.parameters();
        }

        @Override
        public LearnerState state() {
            return inner.state();
        }

        @Override
        public void restore(LearnerState state) {
            inner.restore(state);
        }

        @Override
        public void close() {
        }
    }
}
