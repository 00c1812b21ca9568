package io.github.metarl4j.algo;

import io.github.metarl4j.data.TransitionDataset;
import io.github.metarl4j.sampler.Sampler;
import java.util.Optional;

/**
 * Where a learner's experience comes from, handed to it when it is made: live episodes from the
 * {@link Sampler} (online learners sample what they need; every learner's evaluation plays episodes
 * there), and a fixed dataset of transitions for a learner trained offline. The two seams sit side
 * by side, so an offline learner is trained, checkpointed, evaluated and reported like any other.
 *
 * @param sampler runs episodes and trials (the caller closes it, after the learner)
 * @param dataset the learner's fixed dataset, for a learner that trains from one
 */
public record Experience(Sampler sampler, Optional<TransitionDataset> dataset) {

    /**
     * Checks the arguments and holds them:
     *
     * @param sampler runs episodes and trials (the caller closes it, after the learner)
     * @param dataset the learner's fixed dataset, for a learner that trains from one
     */
    public Experience {
        if (sampler == null || dataset == null) {
            throw new IllegalArgumentException("a sampler and a dataset (or Optional.empty()) must be given");
        }
    }

    /** Live sampling only. */
    public static Experience live(Sampler sampler) {
        return new Experience(sampler, Optional.empty());
    }

    /**
     * The dataset of a learner that trains from one.
     *
     * @throws IllegalArgumentException naming {@code learner} when there is none
     */
    public TransitionDataset requireDataset(String learner) {
        return dataset.orElseThrow(() -> new IllegalArgumentException("learner " + learner
                + " trains from a fixed dataset, and none was given"));
    }
}
