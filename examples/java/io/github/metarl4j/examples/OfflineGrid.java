package io.github.metarl4j.examples;

import io.github.metarl4j.algo.AdaptablePolicy;
import io.github.metarl4j.algo.Experience;
import io.github.metarl4j.algo.MetaLearner;
import io.github.metarl4j.algo.bc.BcConfig;
import io.github.metarl4j.algo.cql.AlphaSelection;
import io.github.metarl4j.algo.cql.ConservativeQLearning;
import io.github.metarl4j.algo.cql.CqlConfig;
import io.github.metarl4j.data.TransitionDataset;
import io.github.metarl4j.envs.gridworld.GridMap;
import io.github.metarl4j.envs.gridworld.GridTask;
import io.github.metarl4j.eval.OfflineScore;
import io.github.metarl4j.experiment.config.BcLearner;
import io.github.metarl4j.experiment.config.CategoricalPolicyConfig;
import io.github.metarl4j.experiment.config.CollectedData;
import io.github.metarl4j.experiment.config.CqlLearner;
import io.github.metarl4j.experiment.config.ExperimentConfig;
import io.github.metarl4j.experiment.config.FamilySetup;
import io.github.metarl4j.experiment.config.GridWorldFamily;
import io.github.metarl4j.experiment.config.LearnerConfig;
import io.github.metarl4j.experiment.config.PviLearner;
import io.github.metarl4j.nn.Mlp;
import io.github.metarl4j.offline.GridModel;
import io.github.metarl4j.offline.tabular.EmpiricalMdp;
import io.github.metarl4j.offline.tabular.GreedyTablePolicy;
import io.github.metarl4j.offline.tabular.PessimisticValueIteration;
import io.github.metarl4j.offline.tabular.QDiagnostics;
import io.github.metarl4j.offline.tabular.StateIndex;
import io.github.metarl4j.offline.tabular.TabularFqe;
import io.github.metarl4j.random.SeedTree;
import io.github.metarl4j.report.Charts;
import io.github.metarl4j.report.ScoreBar;
import io.github.metarl4j.sampler.LockstepSampler;
import io.github.metarl4j.sampler.RandomActions;
import io.github.metarl4j.sampler.Sampler;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The offline learners on the four-rooms grid world against the exact optimum: for each dataset
 * kind (random, medium, expert with epsilon 0.1, mixed) and each training seed, a dataset of 40
 * training tasks x 2 episodes, then behaviour cloning, CQL at each weight of a half-decade grid from
 * 1 to 0.001 (four shown) and at the weight FQE chooses from the data ({@link AlphaSelection}),
 * fitted Q-learning (CQL with alpha 0), pessimistic VI (beta 0.1) and the certainty-equivalent VI
 * (beta 0), each scored by the D4RL-normalised score on 50 fresh tasks of the same distribution, 4
 * episodes each. Prints per kind and learner the mean normalised score with a 95% interval over
 * seeds, the behaviour's own, and the weights FQE chose; then, for the learners with a Q function,
 * its diagnostics against the true Q* and Q^pi ({@link QDiagnostics}). {@code --slip P} makes every
 * move random with probability P (the example config has 0). {@code --figure PATH} also draws the score table as a bar chart.
 *
 * <pre>OfflineGrid [--seeds N] [--smoke] [--figure PATH] [--slip P]</pre>
 */
public final class OfflineGrid {

    private static final double[] ALPHAS = {1, 0.3, 0.1, 0.03, 0.01, 0.003, 0.001};
    private static final List<Double> SHOWN = List.of(1.0, 0.1, 0.01, 0.001);
    private static final String CHOSEN = "CQL (alpha by FQE)";

    private OfflineGrid() {
    }

    /** One seed's outcome: each learner's score, its Q diagnostics where it has a Q, FQE's choice. */
    private record Seed(Map<String, Double> scores, Map<String, QDiagnostics> diagnostics, double chosenAlpha) {
    }

    public static void main(String[] args) {
        boolean smoke = List.of(args).contains("--smoke");
        int seeds = smoke ? 1 : BenchmarkArgs.intArg(args, "--seeds", 5);
        int iterations = smoke ? 1 : 40;
        String figure = BenchmarkArgs.stringArg(args, "--figure", "");
        ExperimentConfig base = OfflineTables.grid(BenchmarkArgs.doubleArg(args, "--slip", 0));
        @SuppressWarnings("unchecked")
        FamilySetup<GridTask, double[], Integer> setup = (FamilySetup<GridTask, double[], Integer>) base.family()
                .build();
        Map<String, CollectedData> kinds = OfflineTables.kinds(40, 2);
        System.out.printf(Locale.ROOT, "%-22s %-28s %s%n", "dataset", "learner", "normalised score, mean +- 95% CI over "
                + seeds + " seeds");
        long start = System.nanoTime();
        List<ScoreBar> bars = new ArrayList<>();
        Map<String, Map<String, List<QDiagnostics>>> diagnostics = new LinkedHashMap<>();
        try (Sampler sampler = new LockstepSampler(2, base.policy().arrays())) {
            for (Map.Entry<String, CollectedData> kind : kinds.entrySet()) {
                Map<String, double[]> scores = new LinkedHashMap<>();
                List<String> chosen = new ArrayList<>();
                for (int s = 0; s < seeds; s++) {
                    Seed one = run(setup, base, kind.getValue(), iterations, sampler, SeedTree.root(1 + s));
                    int index = s;
                    one.scores().forEach((learner, score) -> scores.computeIfAbsent(learner,
                            k -> new double[seeds])[index] = score);
                    one.diagnostics().forEach((learner, d) -> diagnostics.computeIfAbsent(kind.getKey(),
                            k -> new LinkedHashMap<>()).computeIfAbsent(learner, k -> new ArrayList<>()).add(d));
                    chosen.add(String.valueOf(one.chosenAlpha()));
                }
                scores.forEach((learner, perSeed) -> OfflineTables.row(kind.getKey(), learner, perSeed, bars));
                System.out.printf(Locale.ROOT, "%-22s %-28s %s%n", kind.getKey(), "alpha FQE chose, by seed", chosen);
            }
        }
        System.out.printf(Locale.ROOT, "%nlearned Q on the states the data visits (gamma 0.99), mean over seeds: "
                + "|Q - Q*| and |Q - Q^pi| on pairs with data (pi: Q's greedy policy), share of states whose greedy "
                + "action is optimal, rank correlation of Q(s, .) with Q*(s, .), Q - Q* on pairs without data%n");
        diagnostics.forEach((kind, byLearner) -> byLearner.forEach((learner, list) -> System.out.printf(Locale.ROOT,
                "%-22s %-28s %8.3f %8.3f %8.3f %8.3f %8.3f%n", kind, learner,
                list.stream().mapToDouble(QDiagnostics::errorSeen).average().orElse(Double.NaN),
                list.stream().mapToDouble(QDiagnostics::errorOwnPolicy).average().orElse(Double.NaN),
                list.stream().mapToDouble(QDiagnostics::optimalChoice).average().orElse(Double.NaN),
                list.stream().mapToDouble(QDiagnostics::rankAgreement).filter(Double::isFinite).average()
                        .orElse(Double.NaN),
                list.stream().mapToDouble(QDiagnostics::overestimateUnseen).filter(Double::isFinite).average()
                        .orElse(Double.NaN))));
        if (!figure.isEmpty()) {
            Figures.write(Path.of(figure), Charts.scoreBars("Offline learners on the four-rooms grid world (" + seeds
                    + " seeds, 95% intervals)", "D4RL-normalised score", bars));
        }
        System.out.printf(Locale.ROOT, "total %.0f s%n", (System.nanoTime() - start) / 1e9);
    }

    /** One seed of one dataset kind. */
    private static Seed run(FamilySetup<GridTask, double[], Integer> setup, ExperimentConfig base, CollectedData kind,
                            int iterations, Sampler sampler, SeedTree root) {
        TransitionDataset data = kind.dataset(setup, sampler, root.child("data"));
        List<GridTask> fresh = setup.family().tasks().train().sample(50, root.child("score-tasks").generator());
        double optimal = fresh.stream().mapToDouble(setup.oracle().orElseThrow()::optimalReturn).average().orElseThrow();
        double random = OfflineScore.measure(new RandomActions<>(setup.family().spec().actionSpace()), setup.family(),
                fresh, setup.oracle().get(), 4, sampler, root.child("score")).random().mean();
        Map<String, Double> scores = new LinkedHashMap<>();
        Map<String, QDiagnostics> diagnostics = new LinkedHashMap<>();
        scores.put("behaviour (its data)", 100 * (data.meanEpisodeReturn() - random) / (optimal - random));
        Truth truth = Truth.of(base, data);
        try (MetaLearner bc = train(new BcLearner(new BcConfig(64, 50, 0.01), kind), setup, base, data, sampler, root,
                iterations)) {
            scores.put("behaviour cloning", score(bc.explorationPolicy(), setup, fresh, sampler, root));
        }
        Mlp net = net(base);
        AlphaSelection cql = AlphaSelection.run(new CqlConfig(0, 0.99, 64, 50, 0.005), ALPHAS, net,
                net.initialParameters(root.child("init").generator()), data, setup.family(), iterations,
                grid(base).world().horizon(), root.child("train"));
        for (int i = 0; i < ALPHAS.length; i++) {
            if (SHOWN.contains(ALPHAS[i])) {
                String name = String.format(Locale.ROOT, "CQL (alpha %s)", ALPHAS[i]);
                scores.put(name, score(cql.runs().get(i).explorationPolicy(), setup, fresh, sampler, root));
                diagnostics.put(name, truth.diagnose(cql.runs().get(i).q(truth.eye())));
            }
        }
        scores.put(CHOSEN, score(cql.chosen().explorationPolicy(), setup, fresh, sampler, root));
        diagnostics.put(CHOSEN, truth.diagnose(cql.chosen().q(truth.eye())));
        try (MetaLearner fitted = train(new CqlLearner(new CqlConfig(0.0, 0.99, 64, 50, 0.005), kind), setup, base,
                data, sampler, root, iterations)) {
            scores.put("fitted Q (CQL alpha 0)", score(fitted.explorationPolicy(), setup, fresh, sampler, root));
            diagnostics.put("fitted Q (CQL alpha 0)", truth.diagnose(((ConservativeQLearning) fitted).q(truth.eye())));
        }
        for (double beta : new double[] {0.1, 0}) {
            String name = beta > 0 ? "pessimistic VI (beta 0.1)" : "model-based VI (beta 0)";
            try (MetaLearner vi = train(new PviLearner(beta, 0.99, kind), setup, base, data, sampler, root, 1)) {
                scores.put(name, score(vi.explorationPolicy(), setup, fresh, sampler, root));
                diagnostics.put(name, truth.diagnose(vi.parameters().toDoubleVector()));
            }
        }
        return new Seed(scores, diagnostics, cql.alpha());
    }

    private static MetaLearner train(LearnerConfig config, FamilySetup<GridTask, double[], Integer> setup,
                                     ExperimentConfig base, TransitionDataset data, Sampler sampler, SeedTree root,
                                     int iterations) {
        MetaLearner learner = config.create(setup.family().spec(), base.policy(), root.child("init"),
                new Experience(sampler, Optional.of(data)));
        var rng = root.child("train").generator();
        for (int i = 0; i < iterations; i++) {
            learner.metaStep(setup.family(), List.of(), rng);
        }
        return learner;
    }

    private static double score(Object policy, FamilySetup<GridTask, double[], Integer> setup, List<GridTask> fresh,
                                Sampler sampler, SeedTree root) {
        return OfflineScore.measure(((AdaptablePolicy) policy).actions(), setup.family(), fresh, setup.oracle().get(),
                4, sampler, root.child("score")).normalised().mean();
    }

    private static GridWorldFamily grid(ExperimentConfig base) {
        return (GridWorldFamily) base.family();
    }

    /** CQL's Q-network shape: the one-hot cells in, one value per move out. */
    private static Mlp net(ExperimentConfig base) {
        var policy = (CategoricalPolicyConfig) base.policy();
        return new Mlp(grid(base).world().map().size(), policy.layers(), 4, policy.activation(), policy.arrays());
    }

    /** The true grid (one goal for every task) and a dataset's model, to diagnose a Q table against. */
    private record Truth(EmpiricalMdp model, double[] qStar, EmpiricalMdp data, int states) {

        static Truth of(ExperimentConfig base, TransitionDataset dataset) {
            GridMap map = grid(base).world().map();
            EmpiricalMdp model = GridModel.of(grid(base).world(), new GridTask(map.freeCells().get(0),
                    map.goal().orElseThrow()));
            return new Truth(model, PessimisticValueIteration.solve(model, 0, 0.99).q(), EmpiricalMdp.of(dataset,
                    StateIndex.oneHot(map.size()), map.size(), 4), map.size());
        }

        /** Every one-hot state, {@code [S, S]}. */
        double[] eye() {
            return StateIndex.oneHotObservations(states);
        }

        QDiagnostics diagnose(double[] q) {
            double[] pi = new GreedyTablePolicy(q, 4, StateIndex.oneHot(states)).probabilities();
            return QDiagnostics.of(q, qStar, TabularFqe.evaluate(model, pi, 0.99, 0), data);
        }
    }
}
