package io.github.metarl4j.examples;

import io.github.metarl4j.algo.bc.BcConfig;
import io.github.metarl4j.algo.bc.BehaviourCloning;
import io.github.metarl4j.algo.cql.AlphaSelection;
import io.github.metarl4j.algo.cql.ConservativeQLearning;
import io.github.metarl4j.algo.cql.CqlConfig;
import io.github.metarl4j.data.HostArrays;
import io.github.metarl4j.data.TransitionDataset;
import io.github.metarl4j.envs.tabular.TabularMdp;
import io.github.metarl4j.experiment.config.CollectedData;
import io.github.metarl4j.experiment.config.FamilySetup;
import io.github.metarl4j.experiment.config.TabularFamily;
import io.github.metarl4j.nn.Activation;
import io.github.metarl4j.nn.Mlp;
import io.github.metarl4j.offline.TabularExpert;
import io.github.metarl4j.offline.TabularModel;
import io.github.metarl4j.offline.tabular.EmpiricalMdp;
import io.github.metarl4j.offline.tabular.GreedyTablePolicy;
import io.github.metarl4j.offline.tabular.PessimisticLearner;
import io.github.metarl4j.offline.tabular.StateIndex;
import io.github.metarl4j.offline.tabular.TabularFqe;
import io.github.metarl4j.policy.CategoricalMlpPolicy;
import io.github.metarl4j.random.SeedTree;
import io.github.metarl4j.report.Charts;
import io.github.metarl4j.report.ScoreBar;
import io.github.metarl4j.sampler.LockstepSampler;
import io.github.metarl4j.sampler.Sampler;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The offline learners on the RL^2 paper's random tabular MDPs (10 states, 5 actions, 10-step
 * episodes from state 0, N(0, 1) reward noise), one dataset per MDP: for each training seed, 4 MDPs
 * of the training split, and for each MDP and dataset kind (random, medium, expert with epsilon
 * 0.1, mixed) 20 episodes of the behaviour (200 transitions), then behaviour cloning, CQL with its
 * weight chosen by FQE, fitted Q-learning, pessimistic VI (beta 1, the reward noise's standard
 * deviation) and the certainty-equivalent VI, on one-hot states with linear (tabular) networks
 * (Adam's step 0.05: Q values of order 10), discount 0.9 (1 - 1/H). Each learned policy is scored
 * by its exact expected return on the true MDP ({@link TabularModel}), normalised against the
 * uniform policy's and the finite-horizon optimum; "expert (stationary)" is the behaviours' expert
 * itself, the reference for a policy that does not see the steps left. Prints the mean normalised
 * score over the seeds' MDPs with a 95% interval over seeds. {@code --figure PATH} draws the table.
 *
 * <pre>OfflineMdp [--seeds N] [--mdps M] [--smoke] [--figure PATH]</pre>
 */
public final class OfflineMdp {

    private static final double[] ALPHAS = {1, 0.3, 0.1, 0.03, 0.01, 0.003, 0.001};
    private static final int S = 10;
    private static final int A = 5;
    private static final int H = 10;
    private static final double GAMMA = 0.9;

    private OfflineMdp() {
    }

    public static void main(String[] args) {
        boolean smoke = List.of(args).contains("--smoke");
        int seeds = smoke ? 1 : BenchmarkArgs.intArg(args, "--seeds", 5);
        int mdps = smoke ? 1 : BenchmarkArgs.intArg(args, "--mdps", 4);
        int iterations = smoke ? 1 : 40;
        String figure = BenchmarkArgs.stringArg(args, "--figure", "");
        FamilySetup<TabularMdp, double[], Integer> setup = new TabularFamily(S, A, H).build();
        Map<String, CollectedData> kinds = OfflineTables.kinds(5, 4);
        long start = System.nanoTime();
        System.out.printf(Locale.ROOT, "%-22s %-28s %s%n", "dataset", "learner", "normalised score, mean over "
                + mdps + " MDPs per seed, +- 95% CI over " + seeds + " seeds");
        List<ScoreBar> bars = new ArrayList<>();
        try (Sampler sampler = new LockstepSampler(2, DataType.DOUBLE)) {
            for (Map.Entry<String, CollectedData> kind : kinds.entrySet()) {
                Map<String, double[]> scores = new LinkedHashMap<>();
                for (int s = 0; s < seeds; s++) {
                    SeedTree root = SeedTree.root(1 + s);
                    List<TabularMdp> tasks = setup.family().tasks().train().sample(mdps,
                            root.child("mdps").generator());
                    for (int m = 0; m < mdps; m++) {
                        int seed = s;
                        run(setup, kind.getValue(), tasks.get(m), iterations, sampler, root.child("mdp").child(m))
                                .forEach((learner, score) -> scores.computeIfAbsent(learner,
                                        k -> new double[seeds])[seed] += score / mdps);
                    }
                }
                scores.forEach((learner, perSeed) -> OfflineTables.row(kind.getKey(), learner, perSeed, bars));
            }
        }
        if (!figure.isEmpty()) {
            Figures.write(Path.of(figure), Charts.scoreBars("Offline learners on random tabular MDPs (" + seeds
                    + " seeds x " + mdps + " MDPs, 95% intervals)", "normalised score (exact values)", bars));
        }
        System.out.printf(Locale.ROOT, "total %.0f s%n", (System.nanoTime() - start) / 1e9);
    }

    /** One MDP and dataset kind: each learner's normalised score. */
    private static Map<String, Double> run(FamilySetup<TabularMdp, double[], Integer> setup, CollectedData kind,
                                           TabularMdp mdp, int iterations, Sampler sampler, SeedTree root) {
        TransitionDataset data = kind.collect(setup, Collections.nCopies(kind.tasks(), mdp), sampler,
                root.child("data"));
        EmpiricalMdp truth = TabularModel.of(mdp);
        double optimal = setup.oracle().orElseThrow().optimalReturn(mdp);
        double[] uniform = new double[S * A];
        Arrays.fill(uniform, 1.0 / A);
        double random = value(truth, uniform);
        Map<String, Double> out = new LinkedHashMap<>();
        java.util.function.ToDoubleFunction<double[]> score = pi -> 100 * (value(truth, pi) - random)
                / (optimal - random);
        out.put("behaviour (its data)", 100 * (data.meanEpisodeReturn() - random) / (optimal - random));
        out.put("expert (stationary)", score.applyAsDouble(expert(mdp)));
        double[] eye = StateIndex.oneHotObservations(S);
        CategoricalMlpPolicy policy = new CategoricalMlpPolicy(S, new int[0], A, Activation.TANH, DataType.DOUBLE);
        BehaviourCloning bc = new BehaviourCloning(new BcConfig(64, 50, 0.05), policy,
                policy.initialParameters(root.child("init").generator()), data);
        var rng = root.child("train").generator();
        for (int i = 0; i < iterations; i++) {
            bc.metaStep(setup.family(), List.of(), rng);
        }
        out.put("behaviour cloning", score.applyAsDouble(probabilities(policy, bc, eye)));
        Mlp net = new Mlp(S, new int[0], A, Activation.TANH, DataType.DOUBLE);
        AlphaSelection cql = AlphaSelection.run(new CqlConfig(0, GAMMA, 64, 50, 0.05), ALPHAS, net,
                net.initialParameters(root.child("init").generator()), data, setup.family(), iterations, H,
                root.child("train"));
        out.put("CQL (alpha by FQE)", score.applyAsDouble(greedy(cql.chosen().q(eye))));
        ConservativeQLearning fitted = new ConservativeQLearning(new CqlConfig(0, GAMMA, 64, 50, 0.05), net,
                net.initialParameters(root.child("init").generator()), data);
        rng = root.child("train").generator();
        for (int i = 0; i < iterations; i++) {
            fitted.metaStep(setup.family(), List.of(), rng);
        }
        out.put("fitted Q (CQL alpha 0)", score.applyAsDouble(greedy(fitted.q(eye))));
        for (double beta : new double[] {1, 0}) {
            PessimisticLearner vi = new PessimisticLearner(data, S, A, beta, GAMMA);
            vi.metaStep(setup.family(), List.of(), root.child("train").generator());
            out.put(beta > 0 ? "pessimistic VI (beta 1)" : "model-based VI (beta 0)",
                    score.applyAsDouble(greedy(vi.parameters().toDoubleVector())));
        }
        return out;
    }

    /** The exact expected return of stationary {@code pi [S * A]} over H steps from state 0. */
    private static double value(EmpiricalMdp truth, double[] pi) {
        return TabularFqe.values(TabularFqe.evaluate(truth, pi, 1, 0, H), pi, S, A)[0];
    }

    private static double[] greedy(double[] q) {
        return new GreedyTablePolicy(q, A, StateIndex.oneHot(S)).probabilities();
    }

    private static double[] expert(TabularMdp mdp) {
        TabularExpert expert = new TabularExpert(H);
        double[] pi = new double[S * A];
        double[] eye = StateIndex.oneHotObservations(S);
        for (int s = 0; s < S; s++) {
            pi[s * A + expert.action(mdp, Arrays.copyOfRange(eye, s * S, (s + 1) * S))] = 1;
        }
        return pi;
    }

    /** The cloned policy's probabilities on every state, {@code [S * A]}. */
    private static double[] probabilities(CategoricalMlpPolicy policy, BehaviourCloning bc, double[] eye) {
        double[] pi = new double[S * A];
        for (int a = 0; a < A; a++) {
            double[] actions = new double[S];
            Arrays.fill(actions, a);
            double[] logp = HostArrays.read(policy.logProb(bc.parameters(), HostArrays.create(eye, DataType.DOUBLE, S,
                    S), Nd4j.create(actions, new long[] {S, 1}, DataType.DOUBLE)));
            for (int s = 0; s < S; s++) {
                pi[s * A + a] = Math.exp(logp[s]);
            }
        }
        return pi;
    }
}
