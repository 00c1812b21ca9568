package io.github.metarl4j.examples;

import org.nd4j.linalg.api.buffer.DataType;
import io.github.metarl4j.sampler.Sampler;
import io.github.metarl4j.sampler.LockstepSampler;
import io.github.metarl4j.env.TaskFamily;
import io.github.metarl4j.envs.bandit.BanditConfig;
import io.github.metarl4j.envs.bandit.BanditTask;
import io.github.metarl4j.envs.bandit.Bandits;
import io.github.metarl4j.envs.tabular.RandomMdps;
import io.github.metarl4j.envs.tabular.TabularMdp;
import io.github.metarl4j.envs.tabular.TabularMdpConfig;
import io.github.metarl4j.envs.tabular.TabularOracle;
import io.github.metarl4j.eval.ConfidenceInterval;
import io.github.metarl4j.eval.TrialEvaluator;
import io.github.metarl4j.eval.TrialScore;
import io.github.metarl4j.eval.agents.EpsilonGreedyBandit;
import io.github.metarl4j.eval.agents.EpsilonGreedyMdp;
import io.github.metarl4j.eval.agents.GittinsBandit;
import io.github.metarl4j.eval.agents.GittinsIndex;
import io.github.metarl4j.eval.agents.Psrl;
import io.github.metarl4j.eval.agents.RandomAgent;
import io.github.metarl4j.eval.agents.ThompsonBandit;
import io.github.metarl4j.eval.agents.Ucb1Bandit;
import io.github.metarl4j.random.SeedTree;
import io.github.metarl4j.sampler.TrialPolicy;
import io.github.metarl4j.task.Oracle;
import io.github.metarl4j.task.Task;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleFunction;

/**
 * The RL^2 paper's reference agents on its bandit and tabular-MDP settings (Duan et al. 2016,
 * Tables 1 and 2), beside the paper's figures: these columns validate the environments. Tuned
 * agents (epsilon-greedy's epsilon, UCB1's c, the Gittins discount) pick their parameter on
 * separate tuning tasks, then are scored on held-out tasks.
 *
 * <pre>ReferenceAgents [--trials N] [--smoke]</pre>
 */
public final class ReferenceAgents {

    /** Trials run on the caller's thread. */
    private static final Sampler TRIAL_SAMPLER = new LockstepSampler(1, DataType.DOUBLE);

    private ReferenceAgents() {
    }

    public static void main(String[] args) {
        boolean smoke = List.of(args).contains("--smoke");
        int trials = smoke ? 20 : BenchmarkArgs.intArg(args, "--trials", 2000);
        SeedTree root = SeedTree.root(1);
        header();
        for (int arms : new int[] {5, 10}) {
            for (int n : smoke ? new int[] {10} : new int[] {10, 100}) {
                bandits(arms, n, trials, root, smoke, Map.of());
            }
        }
        for (int n : smoke ? new int[] {10} : new int[] {10, 25}) {
            mdps(n, trials, root, Map.of());
        }
    }

    /** Prints the table's header line. */
    static void header() {
        System.out.printf("%-22s %-14s %8s %18s %9s%n", "setting", "agent", "paper", "this library", "gap");
    }

    /**
     * Prints the rows of the bandit setting (k = {@code arms}, n pulls): the reference agents and
     * then each of {@code learned}, all on the same {@code trials} held-out tasks of the seed tree's
     * {@code bandit/arms/n} node.
     */
    static void bandits(int arms, int n, int trials, SeedTree root, boolean smoke, Map<String, TrialPolicy> learned) {
        SeedTree seeds = root.child("bandit").child(arms).child(n);
        double[] discounts = smoke ? new double[] {0.5, 0.9} : new double[] {0.5, 0.7, 0.8, 0.9, 0.95, 0.98, 0.99};
        var family = Bandits.family(BanditConfig.bernoulli(arms));
        Setting<BanditTask> s = new Setting<>("bandit k=" + arms + " n=" + n, family, n, trials, seeds,
                Optional.of(Bandits.oracle()));
        Map<String, Double> paper = PaperTables.bandit(arms, n);
        s.report("random", new RandomAgent(), paper);
        TrialPolicy gittins = s.tuned(g -> new GittinsBandit(new GittinsIndex(g, n)), discounts);
        s.report("gittins", gittins, paper);
        s.report("thompson", new ThompsonBandit(), paper);
        s.report("ucb1", s.tuned(Ucb1Bandit::new, 0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0), paper);
        s.report("eps-greedy", s.tuned(EpsilonGreedyBandit::new, 0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0),
                paper);
        TrialPolicy greedy = new EpsilonGreedyBandit(0);
        s.report("greedy", greedy, paper);
        learned.forEach((name, policy) -> {
            s.report(name, policy, paper);
            s.paired(name, policy, "greedy", greedy);
            s.paired(name, policy, "gittins", gittins);
        });
    }

    /** Prints the rows of the tabular-MDP setting with n episodes, as {@link #bandits} does. */
    static void mdps(int n, int trials, SeedTree root, Map<String, TrialPolicy> learned) {
        TabularMdpConfig config = TabularMdpConfig.RL2_PAPER;
        Setting<TabularMdp> s = mdpSetting(n, trials, root);
        Map<String, Double> paper = PaperTables.mdp(n);
        s.report("random", new RandomAgent(), paper);
        TrialPolicy psrl = mdpReference("psrl");
        s.report("psrl", psrl, paper);
        s.report("eps-greedy", s.tuned(e -> new EpsilonGreedyMdp(config.horizon(), e), 0.1, 0.2, 0.3, 0.4, 0.5), paper);
        TrialPolicy greedy = mdpReference("greedy");
        s.report("greedy", greedy, paper);
        learned.forEach((name, policy) -> {
            s.report(name, policy, paper);
            s.paired(name, policy, "greedy", greedy);
            s.paired(name, policy, "psrl", psrl);
        });
    }

    /**
     * {@code policy}'s trial total minus the reference agent's ({@code "greedy"} or {@code "psrl"})
     * on the held-out tasks of the MDP setting with n episodes, with the same reward draws for both:
     * the figure and interval of the paired line that {@link #mdps} prints for a learned policy.
     */
    static ConfidenceInterval mdpMargin(int n, int trials, SeedTree root, TrialPolicy policy, String reference) {
        return mdpSetting(n, trials, root).margin(policy, reference, mdpReference(reference));
    }

    private static Setting<TabularMdp> mdpSetting(int n, int trials, SeedTree root) {
        TabularMdpConfig config = TabularMdpConfig.RL2_PAPER;
        return new Setting<>("tabular MDP n=" + n, RandomMdps.family(config), n, trials, root.child("mdp").child(n),
                Optional.of(new TabularOracle(config.horizon())));
    }

    private static TrialPolicy mdpReference(String name) {
        int horizon = TabularMdpConfig.RL2_PAPER.horizon();
        return switch (name) {
            case "greedy" -> new EpsilonGreedyMdp(horizon, 0);
            case "psrl" -> new Psrl(horizon);
            default -> throw new IllegalArgumentException("the MDP reference agents are greedy and psrl, got " + name);
        };
    }

    /** One row group of the table: a family, a trial length, tuning and held-out tasks. */
    private record Setting<T extends Task>(String name, TaskFamily<T, double[], Integer> family, int episodes,
                                           int trials, SeedTree seeds, Optional<Oracle<T>> oracle) {

        List<T> tasks(String part) {
            return family.tasks().test().sample(trials, seeds.child(part).generator());
        }

        TrialPolicy tuned(DoubleFunction<TrialPolicy> agent, double... values) {
            List<T> tuning = tasks("tuning");
            double best = values[0];
            double bestScore = Double.NEGATIVE_INFINITY;
            for (double v : values) {
                double score = TrialEvaluator.evaluate(TRIAL_SAMPLER, "tuning", agent.apply(v), family, tuning, episodes, oracle,
                        seeds.child("tuning-play").generator()).total().mean();
                if (score > bestScore) {
                    bestScore = score;
                    best = v;
                }
            }
            System.out.printf("%-22s   (tuned parameter %s on %d tuning tasks)%n", name, best, trials);
            return agent.apply(best);
        }

        void report(String agent, TrialPolicy policy, Map<String, Double> paper) {
            TrialScore score = TrialEvaluator.evaluate(TRIAL_SAMPLER, agent, policy, family, tasks("held-out"), episodes, oracle,
                    seeds.child("play").child(agent).generator());
            Double published = paper.get(agent);
            System.out.printf("%-22s %-14s %8s %9.2f +- %5.2f %9s%n", name, agent,
                    published == null ? "-" : String.format("%.1f", published), score.total().mean(),
                    score.total().halfWidth(), published == null ? "" : String.format("%+.1f%%",
                            100 * (score.total().mean() - published) / published));
        }

        /**
         * Prints {@code agent}'s total minus {@code reference}'s on the held-out tasks, both played
         * with the same reward draws ({@link TrialEvaluator#paired}), and its 95% interval over the
         * tasks: what the task and the draws add to both totals cancels out of it.
         */
        void paired(String agent, TrialPolicy policy, String reference, TrialPolicy referencePolicy) {
            ConfidenceInterval d = margin(policy, reference, referencePolicy);
            System.out.printf("%-22s %-14s %8s %+9.2f +- %5.2f  (paired over %d tasks, same reward draws)%n", name,
                    agent + " - " + reference, "", d.mean(), d.halfWidth(), d.n());
        }

        /** The paired difference of {@link #paired}, with the draws of {@code reference}'s seed node. */
        ConfidenceInterval margin(TrialPolicy policy, String reference, TrialPolicy referencePolicy) {
            return TrialEvaluator.paired(TRIAL_SAMPLER, policy, referencePolicy, family, tasks("held-out"), episodes,
                    seeds.child("paired").child(reference).generator());
        }
    }

    /** The RL^2 paper's Tables 1 and 2 (total reward of a trial). */
    static final class PaperTables {

        private PaperTables() {
        }

        static Map<String, Double> bandit(int arms, int n) {
            Map<String, Double> m = new LinkedHashMap<>();
            if (n == 10) {
                put(m, 5.0, 6.6, 5.7, 6.7, 6.6, 6.6, 6.7);
            } else if (arms == 5) {
                put(m, 49.9, 78.3, 74.7, 78.0, 75.4, 74.8, 78.7);
            } else {
                m.put("gittins", 82.8);
                m.put("thompson", 76.7);
                m.put("ucb1", 82.4);
                m.put("rl2", 83.5);
            }
            return m;
        }

        private static void put(Map<String, Double> m, double random, double gittins, double ts, double ucb,
                                double eps, double greedy, double rl2) {
            m.put("random", random);
            m.put("gittins", gittins);
            m.put("thompson", ts);
            m.put("ucb1", ucb);
            m.put("eps-greedy", eps);
            m.put("greedy", greedy);
            m.put("rl2", rl2);
        }

        static Map<String, Double> mdp(int n) {
            Map<String, Double> m = new LinkedHashMap<>();
            if (n == 10) {
                m.put("random", 100.1);
                m.put("psrl", 138.1);
                m.put("eps-greedy", 132.8);
                m.put("greedy", 134.8);
                m.put("rl2", 156.2);
            } else {
                m.put("random", 250.2);
                m.put("psrl", 408.8);
                m.put("rl2", 445.7);
            }
            return m;
        }
    }
}
