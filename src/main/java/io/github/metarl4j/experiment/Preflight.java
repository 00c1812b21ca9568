package io.github.metarl4j.experiment;

import io.github.metarl4j.experiment.config.EvaluationConfig;
import io.github.metarl4j.experiment.config.ExperimentConfig;
import io.github.metarl4j.experiment.config.FamilySetup;
import io.github.metarl4j.random.SeedTree;
import io.github.metarl4j.task.Task;
import io.github.metarl4j.task.TaskSplit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The check an experiment makes of its family before anything is trained. */
final class Preflight {

    private Preflight() {
    }

    /**
     * Draws the training tasks of one meta-batch, the held-out validation and test tasks the
     * evaluation will use and the fine-tuning reference's source tasks, and starts one environment of
     * each distribution, so that a family whose distributions cannot deliver fails before training.
     */
    static <T extends Task> void check(Experiment<T, ?, ?> experiment, SeedTree node) {
        ExperimentConfig config = experiment.config();
        FamilySetup<T, ?, ?> setup = experiment.setup();
        Map<String, List<T>> drawn = new LinkedHashMap<>();
        try {
            drawn.put("train", setup.family().tasks().train().sample(config.learner().metaBatch(),
                    node.generator()));
            drawn.put("validation", experiment.heldOut(TaskSplit.Part.VALIDATION, config.evaluation().tasks()));
            drawn.put("test", experiment.heldOut(TaskSplit.Part.TEST, config.evaluation().tasks()));
            if (config.evaluation().baselines().contains(EvaluationConfig.Baseline.FINE_TUNE)) {
                drawn.put("source", setup.source().orElseThrow().sample(1, node.generator()));
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("key 'family': its task distributions cannot deliver the tasks the run "
                    + "needs: " + e.getMessage(), e);
        }
        for (Map.Entry<String, List<T>> part : drawn.entrySet()) {
            if (part.getValue().isEmpty()) {
                throw new IllegalArgumentException("key 'family': its " + part.getKey() + " tasks are empty");
            }
            try {
                setup.family().create(part.getValue().get(0)).reset(node.seed());
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("key 'family': an environment of its " + part.getKey()
                        + " tasks does not start: " + e.getMessage(), e);
            }
        }
    }
}
