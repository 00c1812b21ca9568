package io.github.metarl4j.task;

/**
 * Marker for a task: an immutable record that fully determines an environment's
 * dynamics and rewards (a goal, a start cell, a bandit's arm means). Tasks compare by
 * value, so two draws of the same task are {@code equals}.
 */
public interface Task {
}
