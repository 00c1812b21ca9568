package io.github.metarl4j.experiment.config;

import io.github.metarl4j.env.TaskFamily;
import io.github.metarl4j.offline.Expert;
import io.github.metarl4j.task.Oracle;
import io.github.metarl4j.task.Task;
import io.github.metarl4j.task.TaskDistribution;
import java.util.Optional;

/**
 * A task family built from its config, with the optimal-return oracle where the family has one
 * (the evaluator then reports fractions of the optimal return).
 *
 * @param family the tasks, their split and environments
 * @param oracle the optimal return of each task, if known
 * @param source the tasks a policy is trained on before fine-tuning, where the family names them
 *               (the {@code FINE_TUNE} reference needs them)
 * @param expert an optimal policy that knows its task, where the family has one (the expert behaviour
 *               of offline datasets)
 * @param <T>    task type
 * @param <O>    observation type
 * @param <A>    action type
 */
public record FamilySetup<T extends Task, O, A>(TaskFamily<T, O, A> family, Optional<Oracle<T>> oracle,
                                                Optional<TaskDistribution<T>> source, Optional<Expert<T>> expert) {

    /**
     * Checks the arguments and holds them:
     *
     * @param family the tasks, their split and environments
     * @param oracle the optimal return of each task, if known
     * @param source the tasks a policy is trained on before fine-tuning, where the family names them
     *               (the {@code FINE_TUNE} reference needs them)
     * @param expert an optimal policy that knows its task, where the family has one
     */
    public FamilySetup {
        if (family == null || oracle == null || source == null || expert == null) {
            throw new IllegalArgumentException("family, oracle, source and expert must be non-null (use Optional.empty())");
        }
    }

    /**
     * A family without phase-1 source tasks or an expert.
     *
     * @param family the task family
     * @param oracle its optimal returns, if the family has them
     */
    public FamilySetup(TaskFamily<T, O, A> family, Optional<Oracle<T>> oracle) {
        this(family, oracle, Optional.empty(), Optional.empty());
    }
}
