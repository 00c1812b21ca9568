package io.github.metarl4j.examples;

import io.github.metarl4j.algo.AdaptablePolicy;
import io.github.metarl4j.algo.Experience;
import io.github.metarl4j.algo.MetaLearner;
import io.github.metarl4j.algo.bc.BcConfig;
import io.github.metarl4j.algo.cql.CqlConfig;
import io.github.metarl4j.data.TransitionDataset;
import io.github.metarl4j.eval.ConfidenceInterval;
import io.github.metarl4j.eval.OfflineScore;
import io.github.metarl4j.experiment.config.BcLearner;
import io.github.metarl4j.experiment.config.CollectedData;
import io.github.metarl4j.experiment.config.ConfigFiles;
import io.github.metarl4j.experiment.config.CqlLearner;
import io.github.metarl4j.experiment.config.ExperimentConfig;
import io.github.metarl4j.experiment.config.FamilySetup;
import io.github.metarl4j.experiment.config.LearnerConfig;
import io.github.metarl4j.experiment.config.PviLearner;
import io.github.metarl4j.nn.Mlp;
import io.github.metarl4j.nn.Scratch;
import io.github.metarl4j.offline.GridModel;
import io.github.metarl4j.offline.tabular.EmpiricalMdp;
import io.github.metarl4j.offline.tabular.PessimisticValueIteration;
import io.github.metarl4j.offline.tabular.QDiagnostics;
import io.github.metarl4j.offline.tabular.StateIndex;
import io.github.metarl4j.random.SeedTree;
import io.github.metarl4j.sampler.LockstepSampler;
import io.github.metarl4j.sampler.Sampler;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The offline learners on the four-rooms grid world against the exact optimum: for each dataset
 * kind (random, medium, expert with epsilon 0.1, mixed) and each training seed, a dataset of 40
 * training tasks x 2 episodes, then behaviour cloning, CQL (alpha 1, 0.1 and 0.01: the regulariser's
 * weight against this family's reward scale), fitted Q-learning (CQL with alpha 0), pessimistic VI
 * (beta 0.1) and the certainty-equivalent VI (beta 0), each scored by the
 * D4RL-normalised score on 50 fresh tasks of the same distribution, 4 episodes each. Prints per
 * kind and learner the mean normalised score with a 95% interval over seeds, and the behaviour's own;
 * then, for the learners with a Q function, its diagnostics against the true Q* ({@link QDiagnostics}).
 *
 * <pre>OfflineGrid [--seeds N] [--smoke]</pre>
 */
public final class OfflineGrid {

    private OfflineGrid() {
    }

    public static void main(String[] args) {
        boolean smoke = List.of(args).contains("--smoke");
        int seeds = smoke ? 1 : BenchmarkArgs.intArg(args, "--seeds", 5);
        int iterations = smoke ? 1 : 40;
        ExperimentConfig base = ConfigFiles.read(Path.of("examples/configs/offline-gridworld.yaml"),
                ExperimentConfig.class);
        FamilySetup<?, ?, ?> setup = base.family().build();
        Map<String, CollectedData> kinds = new LinkedHashMap<>();
        kinds.put("random", new CollectedData("random", 0, 40, 2));
        kinds.put("medium", new CollectedData("medium", 0, 40, 2));
        kinds.put("expert (epsilon 0.1)", new CollectedData("expert", 0.1, 40, 2));
        kinds.put("mixed", new CollectedData("mixed", 0, 40, 2));
        System.out.printf(Locale.ROOT, "%-22s %-28s %s%n", "dataset", "learner", "normalised score, mean +- 95% CI over "
                + seeds + " seeds");
        long start = System.nanoTime();
        Map<String, Map<String, List<QDiagnostics>>> diagnostics = new LinkedHashMap<>();
        double[] qStar = qStar(base);
        try (Sampler sampler = new LockstepSampler(2, base.policy().arrays())) {
            for (Map.Entry<String, CollectedData> kind : kinds.entrySet()) {
                Map<String, double[]> scores = new LinkedHashMap<>();
                for (int s = 0; s < seeds; s++) {
                    SeedTree root = SeedTree.root(1 + s);
                    for (Map.Entry<String, Double> e : run(setup, base, kind.getValue(), iterations, sampler, root,
                            qStar, diagnostics.computeIfAbsent(kind.getKey(), k -> new LinkedHashMap<>())).entrySet()) {
                        scores.computeIfAbsent(e.getKey(), k -> new double[seeds])[s] = e.getValue();
                    }
                }
                for (Map.Entry<String, double[]> e : scores.entrySet()) {
                    ConfidenceInterval c = ConfidenceInterval.of95(e.getValue());
                    System.out.printf(Locale.ROOT, "%-22s %-28s %s%n", kind.getKey(), e.getKey(), c.hasInterval()
                            ? String.format(Locale.ROOT, "%.1f +- %.1f", c.mean(), c.halfWidth())
                            : String.format(Locale.ROOT, "%.1f", c.mean()));
                }
            }
        }
        System.out.printf(Locale.ROOT, "%nlearned Q against Q* (gamma 0.99) on the states the data visits, mean over "
                + "seeds: |Q - Q*| on pairs with data, share of states whose greedy action is optimal, Q - Q* on "
                + "pairs without data%n");
        diagnostics.forEach((kind, byLearner) -> byLearner.forEach((learner, list) -> System.out.printf(Locale.ROOT,
                "%-22s %-28s %8.3f %8.3f %8.3f%n", kind, learner,
                list.stream().mapToDouble(QDiagnostics::errorSeen).average().orElse(Double.NaN),
                list.stream().mapToDouble(QDiagnostics::optimalChoice).average().orElse(Double.NaN),
                list.stream().mapToDouble(QDiagnostics::overestimateUnseen).filter(Double::isFinite).average()
                        .orElse(Double.NaN))));
        System.out.printf(Locale.ROOT, "total %.0f s%n", (System.nanoTime() - start) / 1e9);
    }

    /** One seed of one dataset kind: the behaviour's and each learner's normalised score. */
    private static <T extends io.github.metarl4j.task.Task, O, A> Map<String, Double> run(
            FamilySetup<T, O, A> setup, ExperimentConfig base, CollectedData kind, int iterations, Sampler sampler,
            SeedTree root, double[] qStar, Map<String, List<QDiagnostics>> diagnostics) {
        TransitionDataset data = kind.dataset(setup, sampler, root.child("data"));
        List<T> fresh = setup.family().tasks().train().sample(50, root.child("score-tasks").generator());
        Map<String, Double> out = new LinkedHashMap<>();
        double optimal = fresh.stream().mapToDouble(setup.oracle().orElseThrow()::optimalReturn).average().orElseThrow();
        OfflineScore reference = OfflineScore.measure(new io.github.metarl4j.sampler.RandomActions<>(
                setup.family().spec().actionSpace()), setup.family(), fresh, setup.oracle().get(), 4, sampler,
                root.child("score"));
        out.put("behaviour (its data)", 100 * (data.meanEpisodeReturn() - reference.random().mean())
                / (optimal - reference.random().mean()));
        Map<String, LearnerConfig> learners = new LinkedHashMap<>();
        learners.put("behaviour cloning", new BcLearner(new BcConfig(64, 50, 0.01), kind));
        for (double alpha : new double[] {1, 0.1, 0.01}) {
            learners.put(String.format(Locale.ROOT, "CQL (alpha %s)", alpha), new CqlLearner(new CqlConfig(alpha, 0.99,
                    64, 50, 0.005), kind));
        }
        learners.put("fitted Q (CQL alpha 0)", new CqlLearner(new CqlConfig(0.0, 0.99, 64, 50, 0.005), kind));
        learners.put("pessimistic VI (beta 0.1)", new PviLearner(0.1, 0.99, kind));
        learners.put("model-based VI (beta 0)", new PviLearner(0.0, 0.99, kind));
        for (Map.Entry<String, LearnerConfig> l : learners.entrySet()) {
            try (MetaLearner learner = l.getValue().create(setup.family().spec(), base.policy(), root.child("init"),
                    new Experience(sampler, Optional.of(data)))) {
                int its = l.getValue() instanceof PviLearner ? 1 : iterations;
                java.util.random.RandomGenerator rng = root.child("train").generator();
                for (int i = 0; i < its; i++) {
                    learner.metaStep(setup.family(), List.of(), rng);
                }
                OfflineScore score = OfflineScore.measure(((AdaptablePolicy) learner.explorationPolicy()).actions(),
                        setup.family(), fresh, setup.oracle().get(), 4, sampler, root.child("score"));
                out.put(l.getKey(), score.normalised().mean());
                qTable(l.getValue(), learner, base).ifPresent(q -> diagnostics.computeIfAbsent(l.getKey(),
                        k -> new java.util.ArrayList<>()).add(QDiagnostics.of(q, qStar, EmpiricalMdp.of(data,
                        StateIndex.oneHot(q.length / 4), q.length / 4, 4))));
            }
        }
        return out;
    }

    /** CQL's Q-network shape: the one-hot cells in, one value per move out. */
    private static Mlp net(ExperimentConfig base) {
        var policy = (io.github.metarl4j.experiment.config.CategoricalPolicyConfig) base.policy();
        var grid = (io.github.metarl4j.experiment.config.GridWorldFamily) base.family();
        return new Mlp(grid.world().map().size(), policy.layers(), 4, policy.activation(), policy.arrays());
    }

    /** Q* of the grid world's goal (the same for every start), discount 0.99. */
    private static double[] qStar(ExperimentConfig base) {
        var grid = (io.github.metarl4j.experiment.config.GridWorldFamily) base.family();
        io.github.metarl4j.envs.gridworld.GridMap map = grid.world().map();
        return PessimisticValueIteration.solve(GridModel.of(grid.world(), new io.github.metarl4j.envs.gridworld.GridTask(
                map.freeCells().get(0), map.goal().orElseThrow())), 0, 0.99).q();
    }

    /** The learner's Q table over the one-hot states, where it has one (CQL's network on each state, VI's table). */
    private static Optional<double[]> qTable(LearnerConfig config, MetaLearner learner, ExperimentConfig base) {
        if (config instanceof PviLearner) {
            return Optional.of(learner.parameters().toDoubleVector());
        }
        if (!(config instanceof CqlLearner)) {
            return Optional.empty();
        }
        Mlp net = net(base);
        int states = net.inDim();
        Scratch scratch = new Scratch();
        try (Scratch.Lease lease = scratch.lease()) {
            return Optional.of(io.github.metarl4j.data.HostArrays.read(net.forward(learner.parameters(),
                    org.nd4j.linalg.factory.Nd4j.eye(states).castTo(net.dataType()), scratch).output()));
        }
    }
}
