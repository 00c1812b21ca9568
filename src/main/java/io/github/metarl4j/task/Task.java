package io.github.metarl4j.task;

import java.io.Serializable;

/**
 * Marker for a task: an immutable record that fully determines an environment's
 * dynamics and rewards (a goal, a start cell, a bandit's arm means). Tasks compare by
 * value, so two draws of the same task are {@code equals}. Tasks are serialisable (a record of
 * serialisable components is), so a back end on several machines can ship them.
 */
public interface Task extends Serializable {
}
