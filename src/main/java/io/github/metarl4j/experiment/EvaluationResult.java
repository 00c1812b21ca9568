package io.github.metarl4j.experiment;

import io.github.metarl4j.eval.AdaptationCurve;
import io.github.metarl4j.task.TaskSplit;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The adaptation curves of a run's arms on one set of held-out tasks.
 *
 * @param part        the validation or the test tasks
 * @param curves      the learner's curve first, then the baselines' in the config's order
 * @param meanOptimal the oracle's mean optimal return over the tasks, where the family has an oracle
 */
public record EvaluationResult(TaskSplit.Part part, List<AdaptationCurve> curves, OptionalDouble meanOptimal) {

    /**
     * Checks the arguments and holds them:
     *
     * @param part        the validation or the test tasks
     * @param curves      the learner's curve first, then the baselines' in the config's order
     * @param meanOptimal the oracle's mean optimal return over the tasks, where the family has an oracle
     */
    public EvaluationResult {
        curves = List.copyOf(curves);
    }
}
