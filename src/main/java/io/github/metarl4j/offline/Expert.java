package io.github.metarl4j.offline;

import io.github.metarl4j.task.Task;

/**
 * An optimal policy that knows its task (it plans on the true task, which the observation may not
 * show), for a family with discrete actions and an exact oracle: the "expert" behaviour of offline
 * datasets. It must be stationary: the action depends on the task and the observation only.
 *
 * @param <T> task type
 */
@FunctionalInterface
public interface Expert<T extends Task> {

    /** The expert's action index on {@code task} for one flat {@code observation [obsDim]}. */
    int action(T task, double[] observation);
}
