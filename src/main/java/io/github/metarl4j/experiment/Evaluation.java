package io.github.metarl4j.experiment;

import io.github.metarl4j.eval.AdaptationCurve;
import io.github.metarl4j.eval.StepSizeSearch;
import java.util.List;
import io.github.metarl4j.eval.OfflineScore;
import java.util.Optional;

/**
 * What evaluating a trained run produced.
 *
 * @param validation      the arms' curves on the validation tasks, at their chosen step sizes
 * @param test            the arms' curves on the held-out test tasks: the results
 * @param stepSizes       each explicitly adapting arm's step-size choice, empty where none was tuned
 * @param episodesPerStep episodes per task between two adaptation steps (the x-axis unit of "episodes")
 * @param target          the fraction of the optimal return whose first crossing is reported
 * @param source          the fine-tuning reference's phase-1 policy on its source tasks (K = 0), where it is evaluated
 * @param offline         an offline learner's normalised score on fresh tasks of its data's distribution, where
 *                        the family has an oracle
 */
public record Evaluation(EvaluationResult validation, EvaluationResult test, List<StepSizeSearch.Choice> stepSizes,
                         int episodesPerStep, double target, Optional<AdaptationCurve> source,
                         Optional<OfflineScore> offline) {

    /**
     * Checks the arguments and holds them:
     *
     * @param validation      the arms' curves on the validation tasks, at their chosen step sizes
     * @param test            the arms' curves on the held-out test tasks: the results
     * @param stepSizes       each explicitly adapting arm's step-size choice, empty where none was tuned
     * @param episodesPerStep episodes per task between two adaptation steps (the x-axis unit of "episodes")
     * @param target          the fraction of the optimal return whose first crossing is reported
     * @param source          the fine-tuning reference's phase-1 policy on its source tasks (K = 0), where it is evaluated
     * @param offline         an offline learner's normalised score on fresh tasks of its data's distribution, where
     *                        the family has an oracle
     */
    public Evaluation {
        stepSizes = List.copyOf(stepSizes);
    }
}
