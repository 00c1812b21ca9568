package io.github.metarl4j.experiment.config;

import io.github.metarl4j.envs.navigation.GoalSquare;
import io.github.metarl4j.envs.navigation.Navigation2D;
import io.github.metarl4j.envs.navigation.NavigationTask;
import io.github.metarl4j.task.TaskSplit;
import java.util.Optional;

/**
 * The MAML paper's 2D navigation ({@code type: navigation}; Finn, Abbeel and Levine, ICML 2017):
 * goals uniform on {@code [-0.5, 0.5]^2} for meta-training and meta-test alike. It has no oracle.
 *
 * @param horizon steps per episode, >= 1 (the paper's 100)
 */
public record NavigationFamily(int horizon) implements FamilyConfig {

    /**
     * Checks the arguments and holds them:
     *
     * @param horizon steps per episode, >= 1 (the paper's 100)
     */
    public NavigationFamily {
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be >= 1, got " + horizon);
        }
    }

    @Override
    public FamilySetup<NavigationTask, double[], double[]> build() {
        return new FamilySetup<>(Navigation2D.family(TaskSplit.of(GoalSquare.REFERENCE), horizon), Optional.empty());
    }
}
