package io.github.metarl4j.examples;

import io.github.metarl4j.data.TransitionDataset;
import io.github.metarl4j.envs.gridworld.Cell;
import io.github.metarl4j.envs.gridworld.GridMap;
import io.github.metarl4j.envs.gridworld.GridTask;
import io.github.metarl4j.envs.gridworld.GridWorldConfig;
import io.github.metarl4j.eval.ConfidenceInterval;
import io.github.metarl4j.experiment.config.CollectedData;
import io.github.metarl4j.experiment.config.ExperimentConfig;
import io.github.metarl4j.experiment.config.FamilySetup;
import io.github.metarl4j.experiment.config.GridWorldFamily;
import io.github.metarl4j.offline.GridExpert;
import io.github.metarl4j.offline.GridModel;
import io.github.metarl4j.offline.NoisyExpert;
import io.github.metarl4j.offline.ope.OffPolicyEvaluation;
import io.github.metarl4j.offline.ope.RankCorrelation;
import io.github.metarl4j.offline.ope.TargetPolicy;
import io.github.metarl4j.offline.tabular.EmpiricalMdp;
import io.github.metarl4j.offline.tabular.FqeSelection;
import io.github.metarl4j.offline.tabular.StateIndex;
import io.github.metarl4j.offline.tabular.TabularFqe;
import io.github.metarl4j.random.SeedTree;
import io.github.metarl4j.report.Charts;
import io.github.metarl4j.report.ScoreBar;
import io.github.metarl4j.sampler.LockstepSampler;
import io.github.metarl4j.sampler.Sampler;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Off-policy evaluation against the truth on the four-rooms grid world: from each dataset kind of
 * {@link OfflineGrid} (40 tasks x 2 episodes, the behaviour's log-probabilities recorded), each
 * estimator values six target policies of known value, the expert with a random action with
 * probability 0.05, 0.2, 0.4, 0.6, 0.8 and 1. The truth of each is its exact expected discounted
 * return (gamma 0.99) over the episode's 72 steps on the true grid, from the states the data's
 * episodes start in (what every estimator here estimates). Prints per kind and estimator, mean and
 * 95% interval over seeds: the mean absolute error over the six policies, and Spearman's rank
 * correlation of the estimates with the truths. {@code --slip P} makes every move random with probability P (the
 * example config has 0). {@code --figure PATH} draws the rank correlations.
 *
 * <pre>OffPolicyGrid [--seeds N] [--smoke] [--figure PATH] [--slip P]</pre>
 */
public final class OffPolicyGrid {

    private static final double[] EPSILONS = {0.05, 0.2, 0.4, 0.6, 0.8, 1};
    private static final double GAMMA = 0.99;

    private OffPolicyGrid() {
    }

    public static void main(String[] args) {
        boolean smoke = List.of(args).contains("--smoke");
        int seeds = smoke ? 2 : BenchmarkArgs.intArg(args, "--seeds", 5);
        String figure = BenchmarkArgs.stringArg(args, "--figure", "");
        ExperimentConfig base = OfflineTables.grid(BenchmarkArgs.doubleArg(args, "--slip", 0));
        @SuppressWarnings("unchecked")
        FamilySetup<GridTask, double[], Integer> setup = (FamilySetup<GridTask, double[], Integer>) base.family()
                .build();
        GridWorldConfig world = ((GridWorldFamily) base.family()).world();
        GridMap map = world.map();
        GridTask task = new GridTask(map.freeCells().get(0), map.goal().orElseThrow());
        EmpiricalMdp truthModel = GridModel.of(world, task);
        List<NoisyExpert<GridTask>> targets = Arrays.stream(EPSILONS).mapToObj(e -> new NoisyExpert<>(
                new GridExpert(world), 4, e)).toList();
        List<double[]> tables = targets.stream().map(t -> table(t, task, world)).toList();
        Map<String, CollectedData> kinds = OfflineTables.kinds(40, 2);
        long start = System.nanoTime();
        System.out.printf(Locale.ROOT, "%-22s %-26s %-24s %s%n", "dataset", "estimator", "mean |error|",
                "Spearman rho (seeds where defined)");
        List<ScoreBar> bars = new ArrayList<>();
        try (Sampler sampler = new LockstepSampler(2, base.policy().arrays())) {
            for (Map.Entry<String, CollectedData> kind : kinds.entrySet()) {
                Map<String, double[]> errors = new LinkedHashMap<>();
                Map<String, List<Double>> ranks = new LinkedHashMap<>();
                double[] truths = new double[EPSILONS.length];
                for (int s = 0; s < seeds; s++) {
                    TransitionDataset data = kind.getValue().dataset(setup, sampler, SeedTree.root(1 + s).child("data"));
                    StateIndex index = StateIndex.oneHot(map.size());
                    EmpiricalMdp model = EmpiricalMdp.of(data, index, map.size(), 4);
                    int[] starts = FqeSelection.starts(data, index);
                    double[] truth = tables.stream().mapToDouble(pi -> mean(TabularFqe.values(TabularFqe.evaluate(
                            truthModel, pi, GAMMA, 0, world.horizon()), pi, map.size(), 4), starts)).toArray();
                    for (int p = 0; p < truth.length; p++) {
                        truths[p] += truth[p] / seeds;
                    }
                    for (Map.Entry<String, ToDoubleFunction<Integer>> est : estimators(data, model, starts, targets,
                            tables, task, world.horizon()).entrySet()) {
                        double[] estimate = new double[targets.size()];
                        for (int p = 0; p < estimate.length; p++) {
                            estimate[p] = est.getValue().applyAsDouble(p);
                        }
                        double err = 0;
                        for (int p = 0; p < estimate.length; p++) {
                            err += Math.abs(estimate[p] - truth[p]) / estimate.length;
                        }
                        errors.computeIfAbsent(est.getKey(), k -> new double[seeds])[s] = err;
                        boolean finite = Arrays.stream(estimate).allMatch(Double::isFinite);
                        double rho = finite ? RankCorrelation.spearman(estimate, truth) : Double.NaN;
                        List<Double> list = ranks.computeIfAbsent(est.getKey(), k -> new ArrayList<>());
                        if (!Double.isNaN(rho)) {
                            list.add(rho);
                        }
                    }
                }
                System.out.printf(Locale.ROOT, "%-22s %-26s %s%n", kind.getKey(), "true values, mean over seeds",
                        Arrays.stream(truths).mapToObj(t -> String.format(Locale.ROOT, "%.3f", t)).toList());
                for (String est : errors.keySet()) {
                    ConfidenceInterval e = ConfidenceInterval.of95(errors.get(est));
                    double[] rho = ranks.get(est).stream().mapToDouble(Double::doubleValue).toArray();
                    String r = rho.length == 0 ? "undefined" : rho.length == 1
                            ? String.format(Locale.ROOT, "%.2f (1)", rho[0])
                            : String.format(Locale.ROOT, "%.2f +- %.2f (%d)", ConfidenceInterval.of95(rho).mean(),
                            ConfidenceInterval.of95(rho).halfWidth(), rho.length);
                    System.out.printf(Locale.ROOT, "%-22s %-26s %-24s %s%n", kind.getKey(), est,
                            String.format(Locale.ROOT, "%.3g +- %.3g", e.mean(), e.halfWidth()), r);
                    if (rho.length > 0) {
                        ConfidenceInterval c = ConfidenceInterval.of95(rho);
                        bars.add(new ScoreBar(kind.getKey(), est, c.mean(), c.halfWidth()));
                    }
                }
            }
        }
        if (!figure.isEmpty()) {
            Figures.write(Path.of(figure), Charts.scoreBars("Off-policy estimators on the four-rooms grid world (" + seeds
                    + " seeds, 95% intervals)", "Spearman rank correlation with the truth", bars));
        }
        System.out.printf(Locale.ROOT, "total %.0f s%n", (System.nanoTime() - start) / 1e9);
    }

    /** Each estimator, as the estimate of target policy p. */
    private static Map<String, ToDoubleFunction<Integer>> estimators(TransitionDataset data, EmpiricalMdp model,
                                                                     int[] starts, List<NoisyExpert<GridTask>> targets,
                                                                     List<double[]> tables, GridTask task, int horizon) {
        StateIndex index = StateIndex.oneHot(model.states());
        Map<String, ToDoubleFunction<Integer>> out = new LinkedHashMap<>();
        out.put("importance sampling", p -> OffPolicyEvaluation.importanceSampling(data, target(targets.get(p), task),
                GAMMA));
        out.put("per-decision IS", p -> OffPolicyEvaluation.perDecision(data, target(targets.get(p), task), GAMMA));
        out.put("weighted IS", p -> OffPolicyEvaluation.weighted(data, target(targets.get(p), task), GAMMA));
        out.put("doubly robust (FQE model)", p -> {
            double[] pi = tables.get(p);
            double[] q = TabularFqe.evaluate(model, pi, GAMMA, Math.min(0, model.minReward()));
            double[] v = TabularFqe.values(q, pi, model.states(), model.actions());
            return OffPolicyEvaluation.doublyRobust(data, target(targets.get(p), task), GAMMA,
                    new OffPolicyEvaluation.Model() {
                        @Override
                        public double q(double[] observation, double[] action) {
                            return q[index.of(observation) * model.actions() + (int) action[0]];
                        }

                        @Override
                        public double v(double[] observation) {
                            return v[index.of(observation)];
                        }
                    });
        });
        out.put("FQE (72 steps)", p -> FqeSelection.value(tables.get(p), model, starts, GAMMA, horizon));
        return out;
    }

    private static TargetPolicy target(NoisyExpert<GridTask> policy, GridTask task) {
        return (observation, action) -> Math.exp(policy.logProb(task, observation, action));
    }

    /** {@code pi [S * A]} of a noisy expert on the free cells but the goal; uniform on the others (never visited). */
    private static double[] table(NoisyExpert<GridTask> policy, GridTask task, GridWorldConfig world) {
        GridMap map = world.map();
        double[] pi = new double[map.size() * 4];
        Arrays.fill(pi, 0.25);
        double[] eye = StateIndex.oneHotObservations(map.size());
        for (Cell c : map.freeCells()) {
            int s = map.index(c);
            if (c.equals(task.goal())) {
                continue;
            }
            double[] obs = Arrays.copyOfRange(eye, s * map.size(), (s + 1) * map.size());
            for (int a = 0; a < 4; a++) {
                pi[s * 4 + a] = Math.exp(policy.logProb(task, obs, new double[] {a}));
            }
        }
        return pi;
    }

    private static double mean(double[] v, int[] states) {
        return Arrays.stream(states).mapToDouble(s -> v[s]).average().orElseThrow();
    }
}
