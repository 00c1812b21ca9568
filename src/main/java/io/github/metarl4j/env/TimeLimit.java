package io.github.metarl4j.env;

/**
 * Truncates an episode after {@code horizon} steps. A step that terminates on the last
 * allowed step stays terminated (not truncated): it reached a true end state.
 *
 * @param <O> observation type
 * @param <A> action type
 */
public final class TimeLimit<O, A> implements Env<O, A> {

    private final Env<O, A> inner;
    private final int horizon;
    private int elapsed;
    private boolean running;

    /**
     * @param inner   the environment whose episodes it truncates
     * @param horizon the most steps of an episode, >= 1; the step that reaches it is truncated unless it terminated
     */
    public TimeLimit(Env<O, A> inner, int horizon) {
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be >= 1, got " + horizon);
        }
        this.inner = inner;
        this.horizon = horizon;
    }

    @Override
    public O reset(long seed) {
        elapsed = 0;
        running = true;
        return inner.reset(seed);
    }

    @Override
    public StepResult<O> step(A action) {
        if (!running) {
            throw new IllegalStateException("step called with no running episode; call reset(seed) first");
        }
        StepResult<O> r = inner.step(action);
        elapsed++;
        if (!r.done() && elapsed >= horizon) {
            r = r.asTruncated();
        }
        running = !r.done();
        return r;
    }

    public int horizon() {
        return horizon;
    }
}
