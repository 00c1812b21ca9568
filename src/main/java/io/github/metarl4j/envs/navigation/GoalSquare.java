package io.github.metarl4j.envs.navigation;

import io.github.metarl4j.task.TaskDistribution;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Goals uniform on the square {@code [low, high]^2} (the MAML paper's 2D navigation uses
 * {@code [-0.5, 0.5]^2}); each task draws x, then y.
 *
 * @param low  lower bound of both coordinates
 * @param high upper bound, {@code > low}
 */
public record GoalSquare(double low, double high) implements TaskDistribution<NavigationTask> {

    /** The MAML paper's square, {@code [-0.5, 0.5]^2}. */
    public static final GoalSquare REFERENCE = new GoalSquare(-0.5, 0.5);

    /**
     * Checks the arguments and holds them:
     *
     * @param low  lower bound of both coordinates
     * @param high upper bound, {@code > low}
     */
    public GoalSquare {
        if (!Double.isFinite(low) || !Double.isFinite(high) || !(low < high)) {
            throw new IllegalArgumentException("goal square needs finite low < high, got low " + low
                    + " and high " + high);
        }
    }

    @Override
    public List<NavigationTask> sample(int n, RandomGenerator rng) {
        TaskDistribution.checkCount(n);
        List<NavigationTask> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double x = low + (high - low) * rng.nextDouble();
            double y = low + (high - low) * rng.nextDouble();
            out.add(new NavigationTask(x, y));
        }
        return out;
    }
}
