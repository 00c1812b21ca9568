package io.github.metarl4j.experiment;

import io.github.metarl4j.env.TaskFamily;
import io.github.metarl4j.task.Oracle;
import io.github.metarl4j.task.Task;
import java.util.Optional;

/**
 * A task family built from its config, with the optimal-return oracle where the family has one
 * (the evaluator then reports fractions of the optimal return).
 *
 * @param family the tasks, their split and environments
 * @param oracle the optimal return of each task, if known
 * @param <T>    task type
 * @param <O>    observation type
 * @param <A>    action type
 */
public record FamilySetup<T extends Task, O, A>(TaskFamily<T, O, A> family, Optional<Oracle<T>> oracle) {

    public FamilySetup {
        if (family == null || oracle == null) {
            throw new IllegalArgumentException("family and oracle must be non-null (use Optional.empty() for no oracle)");
        }
    }
}
