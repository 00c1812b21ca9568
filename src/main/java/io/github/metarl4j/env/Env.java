package io.github.metarl4j.env;

/**
 * An environment playing one task (the contract of Gymnasium, Towers et al. 2024, without a
 * global generator and without a single {@code done} flag).
 *
 * <p>An environment owns its random generator, created from the seed given to
 * {@link #reset(long)}: the same task, the same seed and the same actions give the same
 * trajectory bit for bit, whatever else runs in the process. {@link #step} must not mutate
 * the action it receives and must reject an action outside its action space with an
 * {@link IllegalArgumentException} naming the value and the expected range.
 *
 * <p>Environments need not enforce a time limit: the family wraps every environment in a
 * {@link TimeLimit} at its declared horizon.
 *
 * @param <O> observation type
 * @param <A> action type
 */
public interface Env<O, A> {

    /** Starts an episode, re-seeding the environment's generator from {@code seed}. */
    O reset(long seed);

    /**
     * Advances one step.
     *
     * @throws IllegalArgumentException for an action outside the action space
     * @throws IllegalStateException    before the first reset or after the episode ended
     */
    StepResult<O> step(A action);
}
