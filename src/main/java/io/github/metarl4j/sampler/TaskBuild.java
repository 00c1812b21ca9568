package io.github.metarl4j.sampler;

import io.github.metarl4j.env.TaskFamily;
import java.io.Serializable;
import java.util.List;

/**
 * How to build the per-task states of a call of {@link Sampler#open}: the states of tasks
 * {@code [first, first + count)}, built together (so they can sample their episodes in one lockstep
 * batch). A back end calls it once for all tasks or once per part, on whichever machine holds the
 * part, and the states must not depend on the split: a task's state depends only on its index, its
 * task and what the build carries. Serialisable, so a back end on several machines can ship it; it
 * must carry data (tasks, flat parameter vectors, seeds, records), not live objects.
 *
 * @param <S> the state of one task
 */
@FunctionalInterface
public interface TaskBuild<S> extends Serializable {

    /**
     * @param family  the family, rebuilt in the process that runs the build
     * @param sampler a sampler in that process, for the tasks' episodes
     * @param first   the first task's index in the call
     * @param count   the number of tasks, at least one
     * @return the states of the {@code count} tasks, in task order
     */
    List<S> build(TaskFamily<?, ?, ?> family, Sampler sampler, int first, int count);
}
