package io.github.metarl4j.envs.navigation;

import io.github.metarl4j.env.Env;
import io.github.metarl4j.env.EnvSpec;
import io.github.metarl4j.env.StepResult;
import io.github.metarl4j.env.TaskFamily;
import io.github.metarl4j.space.Box;
import io.github.metarl4j.task.TaskSplit;

/**
 * 2D navigation, the point robot of Finn, Abbeel and Levine, "Model-Agnostic Meta-Learning
 * for Fast Adaptation of Deep Networks", ICML 2017, section 5.3, with the dynamics of the
 * widely used PyTorch reference implementation:
 * <ul>
 *   <li>the state is the position in R^2, (0, 0) at every reset, and is the observation;</li>
 *   <li>the action is a velocity, clipped to [-0.1, 0.1] per coordinate; the next position
 *       is the position plus the clipped action;</li>
 *   <li>the reward is minus the Euclidean distance from the new position to the goal;</li>
 *   <li>the episode terminates when |dx| &lt; 0.01 and |dy| &lt; 0.01, and is truncated
 *       after 100 steps.</li>
 * </ul>
 * Any finite action is accepted and clipped (a Gaussian policy's samples fall outside the
 * box); NaN, infinite and wrongly sized actions are rejected.
 */
public final class Navigation2D implements Env<double[], double[]> {

    /** The largest speed per coordinate. */
    public static final double MAX_SPEED = 0.1;
    /** The per-coordinate distance under which the goal counts as reached. */
    public static final double GOAL_TOLERANCE = 0.01;
    /** The MAML paper's horizon. */
    public static final int HORIZON = 100;

    private static final Box ACTIONS = Box.of(-MAX_SPEED, MAX_SPEED, 2);

    private final double goalX;
    private final double goalY;
    private double x;
    private double y;
    private boolean running;

    /** @param task the goal the agent must reach */
    public Navigation2D(NavigationTask task) {
        this.goalX = task.goalX();
        this.goalY = task.goalY();
    }

    /** The MAML paper's family: goals on {@code [-0.5, 0.5]^2}, horizon 100. */
    public static TaskFamily<NavigationTask, double[], double[]> family() {
        return family(TaskSplit.of(GoalSquare.REFERENCE), HORIZON);
    }

    /** The family with other goal distributions (e.g. an out-of-distribution test square) or horizon. */
    public static TaskFamily<NavigationTask, double[], double[]> family(TaskSplit<NavigationTask> tasks, int horizon) {
        return new TaskFamily<>("navigation-2d", new EnvSpec<>(Box.unbounded(2), ACTIONS, horizon), tasks,
                Navigation2D::new);
    }

    @Override
    public double[] reset(long seed) {
        x = 0;
        y = 0;
        running = true;
        return new double[] {x, y};
    }

    @Override
    public StepResult<double[]> step(double[] action) {
        ACTIONS.checkFinite(action, "action");
        if (!running) {
            throw new IllegalStateException("step called with no running episode; call reset(seed) first");
        }
        x += Math.max(-MAX_SPEED, Math.min(MAX_SPEED, action[0]));
        y += Math.max(-MAX_SPEED, Math.min(MAX_SPEED, action[1]));
        double dx = x - goalX;
        double dy = y - goalY;
        boolean reached = Math.abs(dx) < GOAL_TOLERANCE && Math.abs(dy) < GOAL_TOLERANCE;
        running = !reached;
        return new StepResult<>(new double[] {x, y}, -Math.sqrt(dx * dx + dy * dy), reached, false);
    }
}
