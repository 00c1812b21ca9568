package io.github.metarl4j.cli;

import io.github.metarl4j.env.Env;
import io.github.metarl4j.env.EnvSpec;
import io.github.metarl4j.env.StepResult;
import io.github.metarl4j.env.TaskFamily;
import io.github.metarl4j.space.Box;
import io.github.metarl4j.space.Discrete;
import io.github.metarl4j.task.Task;
import io.github.metarl4j.task.TaskDistribution;
import io.github.metarl4j.task.TaskSplit;
import java.util.function.Supplier;

/** A family whose environment observes outside its declared space: {@code check-env} must fail on it. */
public final class BrokenFamily implements Supplier<TaskFamily<?, ?, ?>> {

    /** A task, told apart by its number only. */
    public record Only(int id) implements Task {
    }

    @Override
    public TaskFamily<?, ?, ?> get() {
        return new TaskFamily<Only, double[], Integer>("broken", new EnvSpec<>(Box.of(0, 1, 1), new Discrete(2), 5),
                new TaskSplit<>(TaskDistribution.fixed(new Only(0)),
                        TaskDistribution.fixed(new Only(1)), TaskDistribution.fixed(new Only(1))), task -> new Env<>() {
                    @Override
                    public double[] reset(long seed) {
                        return new double[] {7.0};
                    }

                    @Override
                    public StepResult<double[]> step(Integer action) {
                        new Discrete(2).checked(action);
                        return new StepResult<>(new double[] {7.0}, 0, true, false);
                    }
                });
    }
}
