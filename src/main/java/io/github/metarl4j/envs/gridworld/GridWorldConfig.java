package io.github.metarl4j.envs.gridworld;

/**
 * The dynamics and rewards shared by every task of a grid world.
 *
 * @param map         the grid
 * @param slip        probability in [0, 1] that the action is replaced by a uniformly random one
 * @param stepCost    cost, >= 0, paid on every step that does not enter the goal (reward
 *                    {@code -stepCost})
 * @param goalReward  reward for entering the goal, which terminates the episode
 * @param horizon     steps after which an episode is truncated, >= 1
 * @param observation what the robot observes
 */
public record GridWorldConfig(GridMap map, double slip, double stepCost, double goalReward, int horizon,
                              ObservationMode observation) {

    /**
     * Checks the arguments and holds them:
     *
     * @param map         the grid
     * @param slip        probability in [0, 1] that the action is replaced by a uniformly random one
     * @param stepCost    cost, >= 0, paid on every step that does not enter the goal (reward
     *                    {@code -stepCost})
     * @param goalReward  reward for entering the goal, which terminates the episode
     * @param horizon     steps after which an episode is truncated, >= 1
     * @param observation what the robot observes
     */
    public GridWorldConfig {
        if (map == null) {
            throw new IllegalArgumentException("map must be non-null");
        }
        if (!(slip >= 0 && slip <= 1)) {
            throw new IllegalArgumentException("slip must be in [0, 1], got " + slip);
        }
        if (!(stepCost >= 0) || Double.isInfinite(stepCost)) {
            throw new IllegalArgumentException("stepCost must be finite and >= 0, got " + stepCost);
        }
        if (!Double.isFinite(goalReward)) {
            throw new IllegalArgumentException("goalReward must be finite, got " + goalReward);
        }
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be >= 1, got " + horizon);
        }
        if (observation == null) {
            throw new IllegalArgumentException("observation mode must be non-null");
        }
    }

    /** The spec's defaults on {@code map}: no slip, step cost 0.01, goal reward 1, horizon 4 (rows + cols), one-hot. */
    public static Builder builder(GridMap map) {
        return new Builder(map);
    }

    /** Builder starting from the spec's defaults. */
    public static final class Builder {
        private final GridMap map;
        private double slip;
        private double stepCost = 0.01;
        private double goalReward = 1.0;
        private int horizon;
        private ObservationMode observation = ObservationMode.ONE_HOT;

        private Builder(GridMap map) {
            if (map == null) {
                throw new IllegalArgumentException("map must be non-null");
            }
            this.map = map;
            this.horizon = 4 * (map.rows() + map.cols());
        }

        public Builder slip(double v) {
            slip = v;
            return this;
        }

        public Builder stepCost(double v) {
            stepCost = v;
            return this;
        }

        public Builder goalReward(double v) {
            goalReward = v;
            return this;
        }

        public Builder horizon(int v) {
            horizon = v;
            return this;
        }

        public Builder observation(ObservationMode v) {
            observation = v;
            return this;
        }

        public GridWorldConfig build() {
            return new GridWorldConfig(map, slip, stepCost, goalReward, horizon, observation);
        }
    }
}
