package io.github.metarl4j.env;

/**
 * The outcome of one step.
 *
 * <p>{@code terminated}: a true end state was reached (the value of what follows is zero;
 * do not bootstrap). {@code truncated}: the episode was cut short, e.g. by a time limit
 * (bootstrap from the value of {@code observation}). At most one of the two is true.
 *
 * @param observation the observation after the step
 * @param reward      the reward of the step, finite
 * @param terminated  whether a terminal state was reached
 * @param truncated   whether the episode was cut short without reaching a terminal state
 * @param <O>         observation type
 */
public record StepResult<O>(O observation, double reward, boolean terminated, boolean truncated) {

    /**
     * Checks the arguments and holds them:
     *
     * @param observation the observation after the step
     * @param reward      the reward of the step, finite
     * @param terminated  whether a terminal state was reached
     * @param truncated   whether the episode was cut short without reaching a terminal state
     */
    public StepResult {
        if (terminated && truncated) {
            throw new IllegalArgumentException("a step cannot be both terminated and truncated");
        }
    }

    /** Whether the episode has ended, for either reason. */
    public boolean done() {
        return terminated || truncated;
    }

    /** The same step, marked truncated (used by {@link TimeLimit}). */
    public StepResult<O> asTruncated() {
        return new StepResult<>(observation, reward, false, true);
    }
}
