package io.github.metarl4j.examples;

import io.github.metarl4j.algo.maml.Maml;
import io.github.metarl4j.env.TaskFamily;
import io.github.metarl4j.random.SeedTree;
import io.github.metarl4j.sampler.LockstepSampler;
import io.github.metarl4j.task.Task;
import io.github.metarl4j.task.TaskSchedule;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The training loops the example mains share: MAML meta-training and ordinary pretraining on a schedule. */
final class Training {

    private Training() {
    }

    /** What to train. */
    enum Kind { MAML, PRETRAINED }

    /**
     * Trains {@code theta} for {@code batches} meta-batches whose tasks come from {@code schedule.at(first + i)},
     * printing progress every {@code logEvery} batches (0: never).
     */
    static <T extends Task, O, A> INDArray train(Kind kind, Maml maml, LockstepSampler sampler, TaskFamily<T, O, A> family,
                                                 TaskSchedule<T> schedule, INDArray theta, int first, int batches,
                                                 SeedTree node, int logEvery) {
        INDArray current = theta;
        for (int i = first; i < first + batches; i++) {
            List<T> tasks = schedule.at(i).sample(maml.config().metaBatch(), node.child("tasks").child(i).generator());
            Maml.MetaStep step = kind == Kind.MAML
                    ? maml.metaStep(sampler, family, tasks, current, node.child("batch").child(i).generator())
                    : maml.pretrainStep(sampler, family, tasks, current, node.child("batch").child(i).generator());
            current = step.theta();
            if (logEvery > 0 && ((i - first + 1) % logEvery == 0 || i == first + batches - 1)) {
                System.out.printf("  %-10s batch %4d: return %.3f before adaptation, %.3f after (%.2f s)%n",
                        kind.name().toLowerCase(), i + 1, step.returnBefore(), step.returnAfter(),
                        step.samplingSecs() + step.adaptationSecs() + step.outerSecs());
            }
        }
        return current;
    }
}
