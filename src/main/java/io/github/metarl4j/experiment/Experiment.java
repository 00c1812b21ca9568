package io.github.metarl4j.experiment;

import io.github.metarl4j.algo.AdaptablePolicy;
import io.github.metarl4j.algo.ExplorationPolicy;
import io.github.metarl4j.algo.Experience;
import io.github.metarl4j.data.TransitionDataset;
import io.github.metarl4j.algo.MetaLearner;
import io.github.metarl4j.envs.gridworld.GridTask;
import io.github.metarl4j.eval.AdaptationCurve;
import io.github.metarl4j.eval.MetaEvaluator;
import io.github.metarl4j.eval.OfflineScore;
import io.github.metarl4j.eval.StepSizeSearch;
import io.github.metarl4j.experiment.config.ConfigFiles;
import io.github.metarl4j.experiment.config.EvaluationConfig;
import io.github.metarl4j.experiment.config.ExperimentConfig;
import io.github.metarl4j.experiment.config.FamilySetup;
import io.github.metarl4j.experiment.config.GridWorldFamily;
import io.github.metarl4j.experiment.config.LearnerConfig;
import io.github.metarl4j.experiment.config.ResourceBounds;
import io.github.metarl4j.experiment.config.SizeLimitException;
import io.github.metarl4j.experiment.layout.Role;
import io.github.metarl4j.experiment.layout.RunDirectory;
import io.github.metarl4j.random.SeedTree;
import io.github.metarl4j.run.Checkpoint;
import io.github.metarl4j.run.Progress;
import io.github.metarl4j.run.Trainer;
import io.github.metarl4j.experiment.config.RunSettings;
import io.github.metarl4j.sampler.LockstepSampler;
import io.github.metarl4j.sampler.Sampler;
import io.github.metarl4j.task.Task;
import io.github.metarl4j.task.TaskDistribution;
import io.github.metarl4j.task.TaskSchedule;
import io.github.metarl4j.task.TaskSplit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An experiment wired from its config: the family, the policy, the initial parameters (from the
 * seed tree's {@code init} node, shared by every arm) and the learner, trained into a
 * {@link RunDirectory} through the {@link Trainer} (the pretrained reference until it has used the
 * learner's environment steps), then evaluated beside the configured references:
 * each explicitly adapting arm chooses its step size on the validation tasks, and the results are
 * its adaptation curve on the test tasks. Seed paths: the learner trains on {@code <learner name>},
 * the pretrained reference on {@code pretrain}, the fine-tuning reference's phase 1 on
 * {@code fine-tune}; evaluation tasks come from {@code eval-tasks/<PART>} and their episodes from
 * {@code eval/<PART>}, the same for every arm.
 *
 * @param <T> task type
 * @param <O> observation type
 * @param <A> action type
 */
public final class Experiment<T extends Task, O, A> {

    private final ExperimentConfig config;
    private final FamilySetup<T, O, A> setup;
    private final SeedTree root;
    private Optional<TransitionDataset> dataset = Optional.empty();

    private Experiment(ExperimentConfig config, FamilySetup<T, O, A> setup) {
        this.config = config;
        this.setup = setup;
        this.root = SeedTree.root(config.seed());
    }

    /**
     * The experiment of {@code config}; builds its family and checks, before anything is trained,
     * that its sizes fit the JVM's heap ({@link ResourceBounds}) and that every task distribution it
     * will use yields its tasks and their environments start (a pre-flight check, in about a second).
     *
     * @throws IllegalArgumentException whose message starts with the key at fault ({@code key 'family':
     *                                  ...}) if the family cannot be built, the learner cannot learn it (RL^2
     *                                  on continuous actions), the sizes exceed the heap, FINE_TUNE is asked of a
     *                                  family without source tasks, step sizes are to be chosen on validation
     *                                  tasks shared with the test, or a task distribution fails its check
     */
    public static Experiment<?, ?, ?> of(ExperimentConfig config) {
        FamilySetup<?, ?, ?> setup;
        try {
            setup = config.family().build();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IllegalArgumentException(keyed("family", e), e);
        }
        try {
            config.learner().checkFamily(setup.family().spec());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(keyed("learner", e), e);
        }
        try {
            config.policy().checkFamily(setup.family().spec());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(keyed("policy", e), e);
        }
        ResourceBounds.check(config, setup.family().spec(), ResourceBounds.Limits.ofThisJvm());
        if (!config.evaluation().stepSizes().isEmpty()) {
            setup.family().tasks().requireDisjointValidation();
        }
        if (config.evaluation().baselines().contains(EvaluationConfig.Baseline.FINE_TUNE) && setup.source().isEmpty()) {
            throw new IllegalArgumentException("evaluation.baselines: FINE_TUNE needs source tasks, which family type "
                    + setup.family().name() + " does not name; use PRETRAINED or SCRATCH");
        }
        Experiment<?, ?, ?> experiment = wire(config, setup);
        Preflight.check(experiment, SeedTree.root(config.seed()).child("preflight"));
        experiment.loadData();
        return experiment;
    }

    /** {@code e}'s message, led by {@code key 'KEY': } unless it names a key already. */
    private static String keyed(String key, RuntimeException e) {
        String m = String.valueOf(e.getMessage());
        return m.startsWith("key '") ? m : "key '" + key + "': " + m;
    }

    /**
     * Makes or reads the learner's dataset, once per experiment (so a dataset that does not fit the
     * family is refused before a run directory exists), with the experiment's seed in its provenance.
     */
    private void loadData() {
        dataset = config.learner().dataSource().map(source -> {
            try (Sampler sampler = sampler()) {
                return OfflineData.make(source, setup, config.seed(), root, sampler);
            } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
                throw new IllegalArgumentException(keyed("learner.data", e), e);
            }
        });
    }

    /** The learner's fixed dataset, for a learner with a data source ({@code learner.data}). */
    public Optional<TransitionDataset> dataset() {
        return dataset;
    }

    private static <T extends Task, O, A> Experiment<T, O, A> wire(ExperimentConfig config, FamilySetup<T, O, A> setup) {
        return new Experiment<>(config, setup);
    }

    /** The config. */
    public ExperimentConfig config() {
        return config;
    }

    /** The family, its oracle and its source tasks. */
    public FamilySetup<T, O, A> setup() {
        return setup;
    }

    /**
     * Trains the learner, then each reference that needs training (pretrained, fine-tuning source),
     * each resuming from its newest checkpoint in {@code dir}.
     *
     * @return whether every meta-batch is done ({@code false} after a stop request)
     */
    public boolean train(RunDirectory dir, Progress progress, AtomicBoolean stop) {
        try (Sampler sampler = sampler()) {
            return train(dir, progress, stop, sampler);
        }
    }

    private boolean train(RunDirectory dir, Progress progress, AtomicBoolean stop, Sampler sampler) {
        LearnerConfig learner = config.learner();
        try (MetaLearner main = create(learner, sampler)) {
            if (!trainRole(dir, Role.LEARNER, main, setup.family().tasks().train(), learner.name(), progress, stop)) {
                return false;
            }
        }
        for (Map.Entry<EvaluationConfig.Baseline, TaskDistribution<T>> ref : trainedReferences().entrySet()) {
            try (MetaLearner reference = pretrainedLearner(sampler)) {
                Role role = Role.of(ref.getKey());
                if (!trainRole(dir, role, reference, ref.getValue(), seedPath(ref.getKey()), progress, stop)) {
                    return false;
                }
                if (ref.getKey() == EvaluationConfig.Baseline.PRETRAINED
                        && !matchSteps(dir, reference, ref.getValue(), progress, stop)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Continues the pretrained reference past {@code run.metaBatches}, one meta-batch at a time, until
     * it has sampled at least as many environment steps as the learner (at most four times the
     * meta-batches), so that both arms get the same environment-step budget: with the same episodes
     * per batch, a reference whose episodes end sooner at the goal would otherwise see fewer steps.
     * Deterministic in the two arms' metrics, so a resumed run continues the same way.
     *
     * @return whether it finished ({@code false} after a stop request)
     */
    private boolean matchSteps(RunDirectory dir, MetaLearner reference, TaskDistribution<T> tasks, Progress progress,
                               AtomicBoolean stop) {
        long target = dir.envSteps(Role.LEARNER);
        long batches = config.run().metaBatches();
        String name = EvaluationConfig.Baseline.PRETRAINED.label();
        while (dir.envSteps(Role.PRETRAINED) < target && batches < 4L * config.run().metaBatches()) {
            batches++;
            long done = trainer(dir, Role.PRETRAINED, Progress.none(), reference).train(name, reference,
                    setup.family(), TaskSchedule.constant(tasks), config.learner().metaBatch(), batches,
                    root.child(seedPath(EvaluationConfig.Baseline.PRETRAINED)), stop);
            if (done < batches) {
                return false;
            }
        }
        progress.message(name + ": " + batches + " meta-batches, "
                + dir.envSteps(Role.PRETRAINED) + " environment steps against the learner's " + target);
        return true;
    }

    /**
     * The run-directory roles that hold checkpoints: the learner's and each trained reference's, in
     * training order.
     */
    public List<Role> trainedRoles() {
        List<Role> roles = new ArrayList<>();
        roles.add(Role.LEARNER);
        trainedReferences().keySet().forEach(b -> roles.add(Role.of(b)));
        return roles;
    }

    /** The references that are trained, with the tasks each trains on, in the config's order. */
    private Map<EvaluationConfig.Baseline, TaskDistribution<T>> trainedReferences() {
        Map<EvaluationConfig.Baseline, TaskDistribution<T>> out = new LinkedHashMap<>();
        for (EvaluationConfig.Baseline b : config.evaluation().baselines()) {
            switch (b) {
                case PRETRAINED -> out.put(b, setup.family().tasks().train());
                case FINE_TUNE -> out.put(b, setup.source().orElseThrow());
                case SCRATCH -> { }
            }
        }
        return out;
    }

    private boolean trainRole(RunDirectory dir, Role role, MetaLearner learner, TaskDistribution<T> tasks,
                              String seedPath, Progress progress, AtomicBoolean stop) {
        int batches = config.run().metaBatches();
        return trainer(dir, role, progress, learner).train(role.arm(config.learner().name()), learner,
                setup.family(), TaskSchedule.constant(tasks), config.learner().metaBatch(), batches,
                root.child(seedPath), stop) >= batches; // the pretrained reference may be past it (matchSteps)
    }

    private static String seedPath(EvaluationConfig.Baseline baseline) {
        return baseline == EvaluationConfig.Baseline.PRETRAINED ? "pretrain" : "fine-tune";
    }

    /**
     * Evaluates a trained run: each arm (the learner, then the baselines in the config's order)
     * chooses its step size on {@code evaluation.tasks()} validation tasks where a grid is given, then
     * is evaluated on as many test tasks; writes the tables to {@code evaluation/}.
     *
     * @throws IllegalStateException    if the run has not finished training
     * @throws SizeLimitException      if {@code evaluation}'s sizes exceed the JVM's memory
     */
    public Evaluation evaluate(RunDirectory dir, EvaluationConfig evaluation) {
        ResourceBounds.check(new ExperimentConfig(config.name(), config.seed(), config.family(), config.policy(),
                config.learner(), config.run(), evaluation), setup.family().spec(), ResourceBounds.Limits.ofThisJvm());
        LearnerConfig learner = config.learner();
        int steps = evaluation.steps(learner);
        MetaEvaluator evaluator = new MetaEvaluator(steps, evaluation.episodes());
        List<MetaLearner> open = new ArrayList<>();
        try (Sampler sampler = sampler()) {
            Map<String, ExplorationPolicy> arms = new LinkedHashMap<>();
            arms.put(learner.name(), opened(open, trained(dir, Role.LEARNER, create(learner, sampler))).explorationPolicy());
            for (EvaluationConfig.Baseline b : evaluation.baselines()) {
                MetaLearner arm = b == EvaluationConfig.Baseline.SCRATCH ? create(learner, sampler)
                        : trained(dir, Role.of(b), pretrainedLearner(sampler));
                arms.put(b.label(), opened(open, arm).explorationPolicy());
            }
            List<T> validation = heldOut(TaskSplit.Part.VALIDATION, evaluation.tasks());
            List<T> test = heldOut(TaskSplit.Part.TEST, evaluation.tasks());
            SeedTree validationNode = root.child("eval").child(TaskSplit.Part.VALIDATION.name());
            SeedTree testNode = root.child("eval").child(TaskSplit.Part.TEST.name());
            Optional<GridVisits> visits = config.family() instanceof GridWorldFamily g
                    ? Optional.of(new GridVisits(g.world(), steps)) : Optional.empty();
            List<StepSizeSearch.Choice> choices = new ArrayList<>();
            List<AdaptationCurve> validationCurves = new ArrayList<>();
            List<AdaptationCurve> testCurves = new ArrayList<>();
            for (Map.Entry<String, ExplorationPolicy> arm : arms.entrySet()) {
                ExplorationPolicy start = arm.getValue();
                if (!evaluation.stepSizes().isEmpty() && start instanceof AdaptablePolicy adaptable
                        && adaptable.stepSize().isPresent()) {
                    StepSizeSearch.Choice choice = StepSizeSearch.choose(evaluator, arm.getKey(), adaptable,
                            evaluation.stepSizes(), setup.family(), validation, setup.oracle(), sampler, validationNode);
                    choices.add(choice);
                    start = adaptable.withStepSize(choice.chosen());
                    validationCurves.add(choice.curve());
                } else {
                    validationCurves.add(evaluator.evaluate(arm.getKey(), start, setup.family(), validation,
                            setup.oracle(), sampler, validationNode));
                }
                testCurves.add(evaluator.evaluate(arm.getKey(), start, setup.family(), test, setup.oracle(), sampler,
                        testNode, visits.map(v -> v.arm(arm.getKey(), ((GridTask) test.get(0)).goal()))
                                .orElse((k, episodes) -> { })));
            }
            Optional<AdaptationCurve> source = Optional.empty();
            String fineTune = EvaluationConfig.Baseline.FINE_TUNE.label();
            if (arms.containsKey(fineTune)) {
                List<T> sourceTasks = setup.source().orElseThrow().distinct(evaluation.tasks(),
                        root.child("eval-tasks").child("SOURCE").generator());
                source = Optional.of(new MetaEvaluator(0, evaluation.episodes()).evaluate(fineTune,
                        arms.get(fineTune), setup.family(), sourceTasks, setup.oracle(), sampler,
                        root.child("eval").child("SOURCE")));
            }
            Optional<OfflineScore> offline = OfflineData.score(learner, arms.get(learner.name()), setup, evaluation,
                    sampler, root);
            Evaluation result = new Evaluation(result(TaskSplit.Part.VALIDATION, validationCurves, validation),
                    result(TaskSplit.Part.TEST, testCurves, test), choices, evaluation.episodes(),
                    evaluation.target(), source, offline);
            EvaluationFiles.write(dir, result);
            visits.ifPresent(v -> v.write(dir));
            return result;
        } finally {
            for (int i = open.size() - 1; i >= 0; i--) {
                open.get(i).close();
            }
        }
    }

    /** The held-out tasks of {@code part}: up to {@code n}, none twice. */
    public List<T> heldOut(TaskSplit.Part part, int n) {
        return setup.family().tasks().get(part).distinct(n, root.child("eval-tasks").child(part.name()).generator());
    }

    private EvaluationResult result(TaskSplit.Part part, List<AdaptationCurve> curves, List<T> tasks) {
        OptionalDouble optimal = setup.oracle().map(o -> OptionalDouble.of(tasks.stream()
                .mapToDouble(o::optimalReturn).average().orElseThrow())).orElse(OptionalDouble.empty());
        return new EvaluationResult(part, curves, optimal);
    }

    private static MetaLearner opened(List<MetaLearner> open, MetaLearner learner) {
        open.add(learner);
        return learner;
    }

    /**
     * The learner of a run that has finished training, at its last checkpoint, running episodes on
     * {@code sampler} ({@link #sampler()}); the caller closes both, the learner first.
     *
     * @throws IllegalStateException if the run has not finished training
     */
    public MetaLearner trained(RunDirectory dir, Sampler sampler) {
        return trained(dir, Role.LEARNER, create(config.learner(), sampler));
    }

    /**
     * The sampler of this experiment, in the policy's data type: in process on {@code run.threads}
     * threads, or a Spark context on {@code run.master} (started here, stopped when the sampler closes).
     */
    public Sampler sampler() {
        if (config.run().executor() == RunSettings.Executor.SPARK) {
            return SparkBackEnd.start(config);
        }
        return new LockstepSampler(config.run().threads(), config.policy().arrays());
    }

    private MetaLearner create(LearnerConfig learner, Sampler sampler) {
        return learner.create(setup.family().spec(), config.policy(), root.child("init"), experience(learner, sampler));
    }

    private MetaLearner pretrainedLearner(Sampler sampler) {
        return config.learner().pretrained(setup.family().spec(), config.policy(), root.child("init"),
                experience(config.learner(), sampler));
    }

    /** The sampler and, for a learner with a data source, its dataset (made once, by {@link #of}). */
    private Experience experience(LearnerConfig learner, Sampler sampler) {
        return new Experience(sampler, learner.dataSource().isPresent() ? dataset : Optional.empty());
    }

    private MetaLearner trained(RunDirectory dir, Role role, MetaLearner learner) {
        Optional<Checkpoint> last = dir.checkpoints(role, config.run().keepCheckpoints()).latest(s -> { });
        long done = last.map(Checkpoint::batchesDone).orElse(0L);
        if (done < config.run().metaBatches()) {
            learner.close();
            throw new IllegalStateException(role.arm(config.learner().name()) + " in " + dir.root()
                    + " has finished " + done + " of " + config.run().metaBatches() + " meta-batches; resume it first");
        }
        learner.restore(last.orElseThrow().state());
        return learner;
    }

    private Trainer trainer(RunDirectory dir, Role role, Progress progress, MetaLearner learner) {
        return new Trainer(new Trainer.Persistence(Optional.of(dir.checkpoints(role, config.run().keepCheckpoints())),
                Optional.of(dir.metrics(role, learner.metrics())), config.run().checkpointEvery(), ConfigFiles.toYaml(config)), progress);
    }
}
