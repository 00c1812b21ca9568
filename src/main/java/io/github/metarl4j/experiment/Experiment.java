package io.github.metarl4j.experiment;

import io.github.metarl4j.algo.ExplorationPolicy;
import io.github.metarl4j.algo.MetaLearner;
import io.github.metarl4j.eval.AdaptationCurve;
import io.github.metarl4j.eval.AdaptationTable;
import io.github.metarl4j.eval.MetaEvaluator;
import io.github.metarl4j.random.SeedTree;
import io.github.metarl4j.run.Checkpoint;
import io.github.metarl4j.run.Progress;
import io.github.metarl4j.run.Trainer;
import io.github.metarl4j.sampler.LockstepSampler;
import io.github.metarl4j.task.Task;
import io.github.metarl4j.task.TaskSchedule;
import io.github.metarl4j.task.TaskSplit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An experiment wired from its config: the family, the policy, the initial parameters (from the
 * seed tree's {@code init} node) and the learner, trained into a {@link RunDirectory} through the
 * {@link Trainer} and evaluated on held-out tasks of both distributions beside the configured
 * baselines. Seed paths: the learner trains on {@code <learner name>}, the pretrained reference on
 * {@code pretrain}; evaluation tasks come from {@code eval-tasks/<PART>} and their episodes from
 * {@code eval/<PART>}.
 *
 * @param <T> task type
 * @param <O> observation type
 * @param <A> action type
 */
public final class Experiment<T extends Task, O, A> {

    private final ExperimentConfig config;
    private final FamilySetup<T, O, A> setup;
    private final SeedTree root;

    private Experiment(ExperimentConfig config, FamilySetup<T, O, A> setup) {
        this.config = config;
        this.setup = setup;
        this.root = SeedTree.root(config.seed());
    }

    /**
     * The experiment of {@code config}; builds its family.
     *
     * @throws IllegalArgumentException if the learner cannot learn the family (RL^2 on continuous actions)
     */
    public static Experiment<?, ?, ?> of(ExperimentConfig config) {
        FamilySetup<?, ?, ?> setup = config.family().build();
        config.learner().checkFamily(setup.family().spec());
        return wire(config, setup);
    }

    private static <T extends Task, O, A> Experiment<T, O, A> wire(ExperimentConfig config, FamilySetup<T, O, A> setup) {
        return new Experiment<>(config, setup);
    }

    /** The config. */
    public ExperimentConfig config() {
        return config;
    }

    /**
     * Trains the learner, then the pretrained reference if the evaluation compares with it, each
     * resuming from its newest checkpoint in {@code dir}.
     *
     * @return whether every meta-batch is done ({@code false} after a stop request)
     */
    public boolean train(RunDirectory dir, Progress progress, AtomicBoolean stop) {
        LearnerConfig learner = config.learner();
        try (MetaLearner main = create(learner, config.run().threads())) {
            if (trainer(dir, null, progress).train(learner.name(), main, setup.family(), schedule(), learner.metaBatch(),
                    config.run().metaBatches(), root.child(learner.name()), stop) < config.run().metaBatches()) {
                return false;
            }
        }
        if (!config.evaluation().baselines().contains(EvaluationConfig.Baseline.PRETRAINED)) {
            return true;
        }
        try (MetaLearner pretrained = learner.pretrained(setup.family().spec(), config.policy(), root.child("init"), config.run().threads())) {
            return trainer(dir, RunDirectory.PRETRAINED, progress).train(RunDirectory.PRETRAINED, pretrained,
                    setup.family(), schedule(), learner.metaBatch(), config.run().metaBatches(), root.child("pretrain"),
                    stop) == config.run().metaBatches();
        }
    }

    /**
     * Evaluates a trained run on {@code evaluation.tasks()} held-out tasks of each distribution and
     * writes the tables to {@code evaluation/}.
     *
     * @throws IllegalStateException if the run has not finished training
     */
    public List<EvaluationResult> evaluate(RunDirectory dir, EvaluationConfig evaluation) {
        LearnerConfig learner = config.learner();
        int threads = config.run().threads();
        MetaEvaluator evaluator = new MetaEvaluator(evaluation.steps(), learner.evaluationEpisodes());
        try (MetaLearner main = trained(dir, null, create(learner, threads));
             MetaLearner pretrained = evaluation.baselines().contains(EvaluationConfig.Baseline.PRETRAINED)
                     ? trained(dir, RunDirectory.PRETRAINED, learner.pretrained(setup.family().spec(), config.policy(),
                     root.child("init"), threads)) : null;
             MetaLearner scratch = create(learner, threads);
             LockstepSampler sampler = new LockstepSampler(threads, config.policy().arrays())) {
            List<EvaluationResult> results = new ArrayList<>();
            for (TaskSplit.Part part : TaskSplit.Part.values()) {
                List<T> tasks = setup.family().tasks().get(part).sample(evaluation.tasks(),
                        root.child("eval-tasks").child(part.name()).generator());
                SeedTree node = root.child("eval").child(part.name());
                List<AdaptationCurve> curves = new ArrayList<>();
                curves.add(evaluator.evaluate(learner.name(), main.explorationPolicy(), setup.family(), tasks,
                        setup.oracle(), sampler, node));
                for (EvaluationConfig.Baseline b : evaluation.baselines()) {
                    ExplorationPolicy start = b == EvaluationConfig.Baseline.PRETRAINED ? pretrained.explorationPolicy()
                            : scratch.explorationPolicy();
                    curves.add(evaluator.evaluate(b.name().toLowerCase(java.util.Locale.ROOT), start, setup.family(),
                            tasks, setup.oracle(), sampler, node));
                }
                OptionalDouble optimal = setup.oracle().map(o -> OptionalDouble.of(tasks.stream()
                        .mapToDouble(o::optimalReturn).average().orElseThrow())).orElse(OptionalDouble.empty());
                EvaluationResult result = new EvaluationResult(part, curves, optimal);
                write(dir, result);
                results.add(result);
            }
            return results;
        }
    }

    /**
     * The learner of a run that has finished training, at its last checkpoint; the caller closes it.
     *
     * @throws IllegalStateException if the run has not finished training
     */
    public MetaLearner trained(RunDirectory dir) {
        return trained(dir, null, create(config.learner(), config.run().threads()));
    }

    private MetaLearner create(LearnerConfig learner, int threads) {
        return learner.create(setup.family().spec(), config.policy(), root.child("init"), threads);
    }

    private MetaLearner trained(RunDirectory dir, String role, MetaLearner learner) {
        Optional<Checkpoint> last = dir.checkpoints(role, config.run().keepCheckpoints()).latest(s -> { });
        long done = last.map(Checkpoint::batchesDone).orElse(0L);
        if (done < config.run().metaBatches()) {
            learner.close();
            throw new IllegalStateException((role == null ? config.learner().name() : role) + " in " + dir.root()
                    + " has finished " + done + " of " + config.run().metaBatches() + " meta-batches; resume it first");
        }
        learner.restore(last.orElseThrow().state());
        return learner;
    }

    private static void write(RunDirectory dir, EvaluationResult result) {
        try {
            Path table = dir.evaluationTable(result.part());
            Files.createDirectories(table.getParent());
            Files.writeString(table, AdaptationTable.csv(result.curves()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the evaluation table in " + dir.root(), e);
        }
    }

    private Trainer trainer(RunDirectory dir, String role, Progress progress) {
        return new Trainer(new Trainer.Persistence(Optional.of(dir.checkpoints(role, config.run().keepCheckpoints())),
                Optional.of(dir.metrics(role)), config.run().checkpointEvery()), progress);
    }

    private TaskSchedule<T> schedule() {
        return TaskSchedule.constant(setup.family().tasks().train());
    }
}
