package io.github.metarl4j.experiment;

import io.github.metarl4j.algo.AdaptablePolicy;
import io.github.metarl4j.algo.ExplorationPolicy;
import io.github.metarl4j.data.TransitionDataset;
import io.github.metarl4j.eval.OfflineScore;
import io.github.metarl4j.experiment.config.DataConfig;
import io.github.metarl4j.experiment.config.EvaluationConfig;
import io.github.metarl4j.experiment.config.FamilySetup;
import io.github.metarl4j.experiment.config.LearnerConfig;
import io.github.metarl4j.experiment.config.OfflineLearnerConfig;
import io.github.metarl4j.random.SeedTree;
import io.github.metarl4j.sampler.Sampler;
import io.github.metarl4j.task.Task;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** An experiment's offline parts: making its learner's dataset, and scoring an offline learner on the data's tasks. */
final class OfflineData {

    private OfflineData() {
    }

    /**
     * The dataset {@code source} names, from the seed tree's {@code data} node, with the family and the
     * experiment's seed added to its provenance.
     *
     * @throws IllegalArgumentException led by {@code key 'learner.data'} if it cannot be made or does not fit
     */
    static <T extends Task, O, A> TransitionDataset make(DataConfig source, FamilySetup<T, O, A> setup, long seed,
                                                         SeedTree root, Sampler sampler) {
        TransitionDataset d = source.dataset(setup, sampler, root.child("data"));
        Map<String, String> provenance = new TreeMap<>(d.provenance());
        provenance.putIfAbsent("family", setup.family().name());
        provenance.putIfAbsent("seed", String.valueOf(seed));
        return d.withProvenance(provenance);
    }

    /**
     * An offline learner's normalised score on {@code evaluation.tasks()} fresh tasks of the training
     * split, where the family has an oracle; empty for other learners.
     */
    static <T extends Task, O, A> Optional<OfflineScore> score(LearnerConfig learner, ExplorationPolicy policy,
                                                               FamilySetup<T, O, A> setup, EvaluationConfig evaluation,
                                                               Sampler sampler, SeedTree root) {
        if (!(learner instanceof OfflineLearnerConfig) || setup.oracle().isEmpty()
                || !(policy instanceof AdaptablePolicy learned)) {
            return Optional.empty();
        }
        List<T> own = setup.family().tasks().train().sample(evaluation.tasks(),
                root.child("eval-tasks").child("OFFLINE").generator());
        return Optional.of(OfflineScore.measure(learned.actions(), setup.family(), own, setup.oracle().get(),
                evaluation.episodes(), sampler, root.child("eval").child("OFFLINE")));
    }
}
