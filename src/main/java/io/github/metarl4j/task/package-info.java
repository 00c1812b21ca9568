/**
 * Tasks and their distributions: the {@link io.github.metarl4j.task.Task} marker,
 * {@link io.github.metarl4j.task.TaskDistribution}, the train/test
 * {@link io.github.metarl4j.task.TaskSplit}, and
 * {@link io.github.metarl4j.task.TaskSchedule} for non-stationary training.
 */
package io.github.metarl4j.task;
