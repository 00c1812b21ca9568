package io.github.metarl4j.cli;

import io.github.metarl4j.env.TaskFamily;
import io.github.metarl4j.examples.CustomFamily;
import io.github.metarl4j.task.TaskDistribution;
import io.github.metarl4j.task.TaskSplit;
import java.util.function.Supplier;

/**
 * The example corridor family with a test distribution that cannot deliver (a user's region that
 * turned out empty): {@code train} must refuse it before training anything.
 */
public final class NoTestTasksFamily implements Supplier<TaskFamily<?, ?, ?>> {

    @Override
    public TaskFamily<?, ?, ?> get() {
        return broken(new CustomFamily().get());
    }

    private static <T extends io.github.metarl4j.task.Task, O, A> TaskFamily<T, O, A> broken(TaskFamily<T, O, A> f) {
        TaskDistribution<T> none = (n, rng) -> {
            throw new IllegalStateException("the test region holds no cell");
        };
        return new TaskFamily<>(f.name(), f.spec(), new TaskSplit<>(f.tasks().train(), f.tasks().validation(), none),
                f.factory());
    }
}
