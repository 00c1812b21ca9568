package io.github.metarl4j.examples;

import io.github.metarl4j.algo.MetaLearner;
import io.github.metarl4j.algo.MetaStepReport;
import io.github.metarl4j.env.TaskFamily;
import io.github.metarl4j.random.SeedTree;
import io.github.metarl4j.task.Task;
import io.github.metarl4j.task.TaskSchedule;
import java.util.List;

/** The training loop the example mains share: any {@link MetaLearner} on a task schedule. */
final class Training {

    private Training() {
    }

    /**
     * Runs {@code batches} meta-steps of {@code learner} whose tasks ({@code metaBatch} of them) come
     * from {@code schedule.at(first + i)}, printing progress every {@code logEvery} batches (0: never).
     */
    static <T extends Task, O, A> void train(String name, MetaLearner learner, TaskFamily<T, O, A> family,
                                             TaskSchedule<T> schedule, int metaBatch, int first, int batches,
                                             SeedTree node, int logEvery) {
        for (int i = first; i < first + batches; i++) {
            List<T> tasks = schedule.at(i).sample(metaBatch, node.child("tasks").child(i).generator());
            MetaStepReport step = learner.metaStep(family, tasks, node.child("batch").child(i).generator());
            if (logEvery > 0 && ((i - first + 1) % logEvery == 0 || i == first + batches - 1)) {
                System.out.printf("  %-10s batch %4d: return %.3f before adaptation, %.3f after (%.2f s)%n",
                        name, i + 1, step.returnBefore(), step.returnAfter(), step.totalSecs());
            }
        }
    }
}
