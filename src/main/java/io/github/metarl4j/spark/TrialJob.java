package io.github.metarl4j.spark;

import io.github.metarl4j.env.TaskFamily;
import io.github.metarl4j.sampler.LockstepSampler;
import io.github.metarl4j.sampler.RowStreams;
import io.github.metarl4j.sampler.TrialPolicyData;
import io.github.metarl4j.task.Task;
import java.io.Serial;
import java.io.Serializable;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * One part of a call's trials, as an executor plays them: trials {@code [first, first + n)} of the
 * call whose seed is {@code seed} ({@code first} a multiple of the acting block).
 *
 * @param tasks    the part's tasks, one trial each
 * @param episodes episodes per trial
 * @param policy   the policy
 * @param seed     the call's seed
 * @param first    the index of the part's first trial in the call
 * @param source   the family's recipe
 * @param type     the sampler's data type
 */
record TrialJob(List<? extends Task> tasks, int episodes, TrialPolicyData policy, long seed, int first,
                FamilySource source, DataType type) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Plays the part's trials in one lockstep batch here. */
    TrialPart play() {
        try (LockstepSampler sampler = new LockstepSampler(1, type)) {
            return TrialPart.of(playOn(sampler, cast(source.family())));
        }
    }

    private <T extends Task> io.github.metarl4j.data.TrialBatch playOn(LockstepSampler sampler,
                                                                      TaskFamily<T, Object, ?> family) {
        @SuppressWarnings("unchecked")
        List<T> mine = (List<T>) tasks;
        return sampler.playTrials(family, mine, episodes, policy, RowStreams.forTasks(seed, first, mine.size(), 1));
    }

    @SuppressWarnings("unchecked")
    private static <T extends Task> TaskFamily<T, Object, ?> cast(TaskFamily<?, ?, ?> family) {
        return (TaskFamily<T, Object, ?>) family;
    }
}
