package io.github.metarl4j.envs.tabular;

/**
 * The random MDPs of a family; {@link #RL2_PAPER} is the RL^2 paper's.
 *
 * @param states  S, >= 1 (10)
 * @param actions A, >= 1 (5)
 * @param horizon steps per episode, every episode from state 0, >= 1 (10)
 */
public record TabularMdpConfig(int states, int actions, int horizon) {

    /** 10 states, 5 actions, episodes of 10 steps. */
    public static final TabularMdpConfig RL2_PAPER = new TabularMdpConfig(10, 5, 10);

    /**
     * Checks the arguments and holds them:
     *
     * @param states  S, >= 1 (10)
     * @param actions A, >= 1 (5)
     * @param horizon steps per episode, every episode from state 0, >= 1 (10)
     */
    public TabularMdpConfig {
        if (states < 1) {
            throw new IllegalArgumentException("states must be >= 1, got " + states);
        }
        if (actions < 1) {
            throw new IllegalArgumentException("actions must be >= 1, got " + actions);
        }
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be >= 1, got " + horizon);
        }
        if ((long) states * actions * states > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("states x actions x states must fit one transition table of at most "
                    + (Integer.MAX_VALUE - 8) + " entries, got " + states + " x " + actions + " x " + states);
        }
    }
}
