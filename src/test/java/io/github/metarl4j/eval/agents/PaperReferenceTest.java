package io.github.metarl4j.eval.agents;

import org.nd4j.linalg.api.buffer.DataType;
import io.github.metarl4j.sampler.Sampler;
import io.github.metarl4j.sampler.LockstepSampler;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metarl4j.envs.bandit.BanditConfig;
import io.github.metarl4j.envs.bandit.Bandits;
import io.github.metarl4j.envs.tabular.RandomMdps;
import io.github.metarl4j.envs.tabular.TabularMdpConfig;
import io.github.metarl4j.envs.tabular.TabularOracle;
import io.github.metarl4j.eval.ConfidenceInterval;
import io.github.metarl4j.eval.TrialEvaluator;
import io.github.metarl4j.sampler.TrialPolicy;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The environments against the RL^2 paper (Duan et al. 2016, Tables 1 and 2): reference agents
 * (with the parameters tuning picked, docs/results-rl2.md) score within 3% of the paper's figures
 * (2% plus the paper's one-decimal rounding and both sides' sampling error) on 2000 trials.
 */
class PaperReferenceTest {

    /** Trials run on the caller's thread. */
    private static final Sampler TRIAL_SAMPLER = new LockstepSampler(1, DataType.DOUBLE);

    private static void within(String what, double paper, ConfidenceInterval ours) {
        double gap = Math.abs(ours.mean() - paper) / paper;
        System.out.printf("%-28s paper %6.1f, here %7.2f +- %.2f (%+.1f%%)%n", what, paper, ours.mean(), ours.halfWidth(),
                100 * (ours.mean() - paper) / paper);
        assertTrue(gap < 0.03, what + ": " + ours + " against the paper's " + paper);
    }

    private static ConfidenceInterval bandit(TrialPolicy agent, int arms, int n) {
        var family = Bandits.family(BanditConfig.bernoulli(arms));
        return TrialEvaluator.evaluate(TRIAL_SAMPLER, "a", agent, family, family.tasks().test().sample(2000, new SplittableRandom(arms)),
                n, Optional.of(Bandits.oracle()), new SplittableRandom(7)).total();
    }

    @Test
    void banditsWithTenPulls() {
        within("bandit k=5 n=10 random", 5.0, bandit(new RandomAgent(), 5, 10));
        within("bandit k=5 n=10 greedy", 6.6, bandit(new EpsilonGreedyBandit(0), 5, 10));
        within("bandit k=5 n=10 ucb1", 6.7, bandit(new Ucb1Bandit(0.1), 5, 10));
        within("bandit k=5 n=10 gittins", 6.6, bandit(new GittinsBandit(new GittinsIndex(0.5, 10)), 5, 10));
        within("bandit k=10 n=10 greedy", 6.6, bandit(new EpsilonGreedyBandit(0), 10, 10));
    }

    @Test
    void banditsWithAHundredPulls() {
        within("bandit k=5 n=100 thompson", 74.7, bandit(new ThompsonBandit(), 5, 100));
        within("bandit k=5 n=100 ucb1", 78.0, bandit(new Ucb1Bandit(0.2), 5, 100));
        within("bandit k=10 n=100 gittins", 82.8, bandit(new GittinsBandit(new GittinsIndex(0.98, 100)), 10, 100));
    }

    @Test
    void tabularMdps() {
        var family = RandomMdps.family(TabularMdpConfig.RL2_PAPER);
        var tasks = family.tasks().test().sample(2000, new SplittableRandom(3));
        Optional<io.github.metarl4j.task.Oracle<io.github.metarl4j.envs.tabular.TabularMdp>> oracle =
                Optional.of(new TabularOracle(10));
        within("MDP n=10 random", 100.1, TrialEvaluator.evaluate(TRIAL_SAMPLER, "random", new RandomAgent(), family, tasks, 10, oracle,
                new SplittableRandom(4)).total());
        within("MDP n=10 psrl", 138.1, TrialEvaluator.evaluate(TRIAL_SAMPLER, "psrl", new Psrl(10), family, tasks, 10, oracle,
                new SplittableRandom(4)).total());
        within("MDP n=10 greedy", 134.8, TrialEvaluator.evaluate(TRIAL_SAMPLER, "greedy", new EpsilonGreedyMdp(10, 0), family, tasks,
                10, oracle, new SplittableRandom(4)).total());
    }
}
