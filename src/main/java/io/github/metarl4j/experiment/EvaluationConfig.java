package io.github.metarl4j.experiment;

import java.util.List;

/**
 * How a run is evaluated after training: adaptation curves on held-out tasks of the meta-training
 * and the meta-test distribution, beside reference policies and the oracle.
 *
 * @param tasks     held-out tasks per distribution, >= 2 (a confidence interval needs two)
 * @param steps     adaptation steps K, the curves run over k = 0..K, >= 0
 * @param baselines reference policies evaluated beside the learner
 */
public record EvaluationConfig(int tasks, int steps, List<Baseline> baselines) {

    /** A reference policy. */
    public enum Baseline {
        /** Trained on the pooled tasks without meta-learning, as long as the learner; adapted the same way. */
        PRETRAINED,
        /** The initial parameters, adapted the same way: learning from scratch. */
        SCRATCH
    }

    public EvaluationConfig {
        if (tasks < 2) {
            throw new IllegalArgumentException("tasks must be >= 2, got " + tasks);
        }
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be >= 0, got " + steps);
        }
        if (baselines == null || baselines.stream().anyMatch(java.util.Objects::isNull)) {
            throw new IllegalArgumentException("baselines must be a list of " + java.util.Arrays.toString(
                    Baseline.values()) + ", got " + baselines);
        }
        if (baselines.stream().distinct().count() < baselines.size()) {
            throw new IllegalArgumentException("baselines must not repeat, got " + baselines);
        }
        baselines = List.copyOf(baselines);
    }

    /** This evaluation with another number of tasks and steps (the CLI's {@code evaluate --tasks --steps}). */
    public EvaluationConfig with(int newTasks, int newSteps) {
        return new EvaluationConfig(newTasks, newSteps, baselines);
    }
}
