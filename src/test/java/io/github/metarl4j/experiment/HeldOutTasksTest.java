package io.github.metarl4j.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metarl4j.experiment.config.ConfigFiles;
import io.github.metarl4j.experiment.config.ExperimentConfig;
import io.github.metarl4j.task.TaskSplit;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The tasks an experiment evaluates on are never training tasks: for the founding example's configs,
 * the validation and test tasks drawn by the experiment lie outside the training support, apart
 * from each other, and none repeats.
 */
class HeldOutTasksTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"founding-transfer", "founding-hidden-goals"})
    void evaluationTasks_areDisjointFromTrainingTasks_andFromEachOther(String name) {
        ExperimentConfig c = ConfigFiles.read(Path.of("examples/configs/" + name + ".yaml"), ExperimentConfig.class);
        for (long seed = 1; seed <= 5; seed++) {
            Experiment<?, ?, ?> e = Experiment.of(c.withSeed(seed));
            check(e, c.evaluation().tasks());
        }
    }

    private static <T extends io.github.metarl4j.task.Task> void check(Experiment<T, ?, ?> e, int n) {
        Set<T> train = Set.copyOf(e.setup().family().tasks().train().support().orElseThrow());
        List<T> validation = e.heldOut(TaskSplit.Part.VALIDATION, n);
        List<T> test = e.heldOut(TaskSplit.Part.TEST, n);
        assertFalse(validation.isEmpty());
        assertFalse(test.isEmpty());
        assertTrue(validation.stream().noneMatch(train::contains), "a validation task is a training task");
        assertTrue(test.stream().noneMatch(train::contains), "a test task is a training task");
        assertTrue(test.stream().noneMatch(new HashSet<>(validation)::contains), "a test task is a validation task");
        assertEquals(test.size(), new HashSet<>(test).size(), "a test task repeats");
        assertEquals(validation.size(), new HashSet<>(validation).size(), "a validation task repeats");
    }
}
