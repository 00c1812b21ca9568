package io.github.metarl4j.spark;

import io.github.metarl4j.env.TaskFamily;
import io.github.metarl4j.sampler.LockstepSampler;
import io.github.metarl4j.sampler.PolicyData;
import io.github.metarl4j.sampler.RowStreams;
import io.github.metarl4j.task.Task;
import java.io.Serial;
import java.io.Serializable;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * One part of a sampling call, as an executor plays it: tasks {@code [first, first + n)} of the call
 * whose seed is {@code seed}, their blocks of the policy, the family's recipe.
 *
 * @param tasks    the part's tasks
 * @param episodes episodes per task
 * @param policy   the part's policy
 * @param seed     the call's seed
 * @param first    the index of the part's first task in the call
 * @param source   the family's recipe
 * @param type     the batches' data type
 */
record EpisodeJob(List<? extends Task> tasks, int episodes, PolicyData policy, long seed, int first,
                  FamilySource source, DataType type) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Plays the part in one lockstep batch here. */
    EpisodePart play() {
        try (LockstepSampler sampler = new LockstepSampler(1, type)) {
            return EpisodePart.of(playOn(sampler, cast(source.family())));
        }
    }

    private <T extends Task> io.github.metarl4j.data.EpisodeBatch playOn(LockstepSampler sampler,
                                                                        TaskFamily<T, Object, Object> family) {
        @SuppressWarnings("unchecked")
        List<T> mine = (List<T>) tasks;
        return sampler.play(family, mine, episodes, policy, RowStreams.forTasks(seed, first, mine.size(), episodes));
    }

    @SuppressWarnings("unchecked")
    private static <T extends Task> TaskFamily<T, Object, Object> cast(TaskFamily<?, ?, ?> family) {
        return (TaskFamily<T, Object, Object>) family;
    }
}
