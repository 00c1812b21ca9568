package io.github.metarl4j.task;

/**
 * The optimal expected return of a task, where a family can compute it (value iteration on a
 * known grid or MDP), so that returns can be reported as a fraction of optimal.
 *
 * @param <T> task type
 */
@FunctionalInterface
public interface Oracle<T extends Task> {

    /** The optimal expected (undiscounted) return of one episode of {@code task}. */
    double optimalReturn(T task);

    /**
     * {@code achieved / optimal} for {@code task}.
     *
     * @throws IllegalStateException if the optimal return is not positive, where the ratio means nothing
     */
    default double fractionOfOptimal(T task, double achieved) {
        double optimal = optimalReturn(task);
        if (!(optimal > 0)) {
            throw new IllegalStateException("fraction of optimal needs a positive optimal return, got " + optimal
                    + " for " + task);
        }
        return achieved / optimal;
    }
}
