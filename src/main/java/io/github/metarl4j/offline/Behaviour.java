package io.github.metarl4j.offline;

import io.github.metarl4j.sampler.ActionFunction;
import io.github.metarl4j.task.Task;

/**
 * A behaviour policy that collects a dataset: on each task an action function for the sampler, and
 * the log-probability of an action, recorded with each transition for importance sampling.
 *
 * @param <T> task type
 */
public interface Behaviour<T extends Task> {

    /** The behaviour on {@code task}: actions for {@code [B, obsDim]} observations, randomness from the generator. */
    ActionFunction actions(T task);

    /** {@code log mu(action | observation)} on {@code task}; NaN where the behaviour has no density. */
    double logProb(T task, double[] observation, double[] action);

    /** What it is, for provenance ("random", "expert", "expert, epsilon 0.3"). */
    String describe();
}
