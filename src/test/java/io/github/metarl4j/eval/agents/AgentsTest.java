package io.github.metarl4j.eval.agents;

import org.nd4j.linalg.api.buffer.DataType;
import io.github.metarl4j.sampler.RowStreams;
import io.github.metarl4j.sampler.Sampler;
import io.github.metarl4j.sampler.LockstepSampler;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metarl4j.envs.bandit.BanditConfig;
import io.github.metarl4j.envs.bandit.BanditTask;
import io.github.metarl4j.envs.bandit.Bandits;
import io.github.metarl4j.envs.tabular.RandomMdps;
import io.github.metarl4j.envs.tabular.TabularMdp;
import io.github.metarl4j.envs.tabular.TabularMdpConfig;
import io.github.metarl4j.envs.tabular.TabularOracle;
import io.github.metarl4j.eval.TrialEvaluator;
import io.github.metarl4j.sampler.TrialInputs;
import io.github.metarl4j.sampler.TrialPolicy;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The reference agents' arithmetic on inputs written by hand, and their ordering on real trials. */
class AgentsTest {

    /** Trials run on the caller's thread. */
    private static final Sampler TRIAL_SAMPLER = new LockstepSampler(1, DataType.DOUBLE);

    private static final TrialInputs BANDIT = new TrialInputs(1, 3);

    /** One input row of a bandit trial: previous arm (-1 for none) and reward. */
    private static double[] row(int previous, double reward) {
        double[] in = new double[BANDIT.width()];
        if (previous >= 0) {
            in[BANDIT.actionOffset() + previous] = 1;
            in[BANDIT.rewardOffset()] = reward;
            in[BANDIT.flagOffset()] = 1;
        }
        return in;
    }

    /** Feeds the rows one by one to a fresh one-trial actor; returns its last action. */
    private static int play(TrialPolicy agent, double[]... rows) {
        TrialPolicy.Actor actor = agent.start(1, BANDIT);
        int[] action = new int[1];
        for (double[] r : rows) {
            actor.act(r, new boolean[] {true}, RowStreams.single(new SplittableRandom(0), 1), action);
        }
        return action[0];
    }

    @Test
    void greedy_followsTheBetaPosteriorMean() {
        // arm 0: 1 success in 1 pull -> 2/3; arm 1: 0 of 1 -> 1/3; arm 2 untried -> 1/2
        assertEquals(0, play(new EpsilonGreedyBandit(0), row(-1, 0), row(0, 1), row(1, 0)));
        // arm 0 then fails twice: 2/5 < 1/2, so the untried arm 2 is next
        assertEquals(2, play(new EpsilonGreedyBandit(0), row(-1, 0), row(0, 1), row(1, 0), row(0, 0), row(0, 0)));
    }

    @Test
    void ucb1_indexIsMeanPlusTheHandComputedBonus() {
        // after t = 4 pulls an arm with 1 success in 2 pulls: mean 2/4, n = 4, bonus c sqrt(2 ln 4 / 4)
        assertEquals(0.5 + 0.3 * Math.sqrt(2 * Math.log(4) / 4), Ucb1Bandit.index(0.5, 4, 4, 0.3), 1e-15);
        // arm 0: 1/1 -> 2/3 (n 3); arm 1: 1 of 3 -> 2/5 (n 5); arm 2 untried 1/2 (n 2), t = 4, c = 1:
        // indices 0.6667 + sqrt(2 ln4/3) = 1.628, 0.4 + sqrt(2 ln4/5) = 1.145, 0.5 + sqrt(ln4) = 1.677
        assertEquals(2, play(new Ucb1Bandit(1), row(-1, 0), row(0, 1), row(1, 1), row(1, 0), row(1, 0)));
        assertEquals(0, play(new Ucb1Bandit(0), row(-1, 0), row(0, 1), row(1, 1), row(1, 0), row(1, 0)));
    }

    @Test
    void thompson_drawsFromTheBetaPosteriors_andRejectsNonBernoulliRewards() {
        // arm 1 with 20 successes in 20 pulls has posterior Beta(21, 1) (mean 0.95): nearly always drawn highest
        double[][] rows = new double[21][];
        rows[0] = row(-1, 0);
        for (int i = 1; i <= 20; i++) {
            rows[i] = row(1, 1);
        }
        int ones = 0;
        for (int seed = 0; seed < 200; seed++) {
            TrialPolicy.Actor actor = new ThompsonBandit().start(1, BANDIT);
            int[] action = new int[1];
            for (double[] r : rows) {
                actor.act(r, new boolean[] {true}, RowStreams.single(new SplittableRandom(seed), 1), action);
            }
            ones += action[0] == 1 ? 1 : 0;
        }
        // P(Beta(1,1) draw > Beta(21,1) draw) = 1/22 per other arm
        assertTrue(ones > 170, "arm 1 chosen " + ones + " of 200");
        var e = assertThrows(IllegalArgumentException.class, () -> play(new ThompsonBandit(), row(-1, 0), row(0, 0.5)));
        assertEquals("Thompson sampling keeps Beta posteriors and needs Bernoulli (0/1) rewards, got 0.5", e.getMessage());
    }

    @Test
    void mdpPosterior_updatesRewardMeansAndTransitionCounts_byHand() {
        TabularAgent.Posterior p = new TabularAgent.Posterior(2, 2);
        TabularAgent.observe(p, 0, 1, 2.0, false, 1);
        // prior N(0, 1), one reward 2.0 with unit noise: precision 2, mean (0 * 1 + 2.0) / 2 = 1.0
        assertEquals(1.0, p.mu[1], 1e-15);
        assertEquals(2.0, p.tau[1], 1e-15);
        TabularAgent.observe(p, 0, 1, -1.0, true, 0);
        // second reward -1.0: precision 3, mean (1.0 * 2 - 1.0) / 3 = 1/3; the episode's last step adds no transition
        assertEquals(1.0 / 3, p.mu[1], 1e-15);
        assertEquals(3.0, p.tau[1], 1e-15);
        assertEquals(1.0, p.alpha[(0 * 2 + 1) * 2], 1e-15);
        assertEquals(2.0, p.alpha[(0 * 2 + 1) * 2 + 1], 1e-15);
        double[][] mean = new EpsilonGreedyMdp(3, 0).model(p, new SplittableRandom(2));
        assertEquals(2.0 / 3, mean[0][(0 * 2 + 1) * 2 + 1], 1e-15, "Dirichlet(1, 2) mean of moving to state 1");
        assertEquals(1.0 / 3, mean[1][1], 1e-15);
        double[][] sampled = new Psrl(3).model(p, new SplittableRandom(3));
        for (int row = 0; row < 4; row++) {
            assertEquals(1.0, sampled[0][row * 2] + sampled[0][row * 2 + 1], 1e-12, "a sampled row is a distribution");
        }
    }

    @Test
    void greedyActor_takesTheRewardedActionNextEpisode() {
        TrialInputs layout = new TrialInputs(2, 2);
        // horizon 1: each step is an episode; action 1 in state 0 paid 2.0 -> posterior mean 1.0 > the prior's 0
        TrialPolicy.Actor actor = new EpsilonGreedyMdp(1, 0).start(1, layout);
        int[] action = new int[1];
        actor.act(new double[] {1, 0, 0, 0, 0, 0}, new boolean[] {true}, RowStreams.single(new SplittableRandom(1), 1), action);
        actor.act(new double[] {1, 0, 0, 1, 2.0, 1}, new boolean[] {true}, RowStreams.single(new SplittableRandom(1), 1), action);
        assertEquals(1, action[0]);
    }

    @Test
    void plan_equalsTheOracleOnAKnownMdp() {
        TabularMdp m = new RandomMdps(new TabularMdpConfig(4, 3, 6)).sample(1, new SplittableRandom(3)).get(0);
        double[][] q = TabularAgent.plan(new double[][] {m.transitions(), m.rewardMeans()}, 4, 3, 6);
        double best = Math.max(q[0][0], Math.max(q[0][1], q[0][2]));
        assertEquals(new TabularOracle(6).optimalReturn(m), best, 1e-12);
    }

    @Test
    void onRealTrials_informedAgentsBeatRandom() {
        var family = Bandits.family(BanditConfig.bernoulli(5));
        List<BanditTask> tasks = family.tasks().test().sample(400, new SplittableRandom(10));
        double random = score(new RandomAgent(), tasks);
        for (TrialPolicy agent : List.of(new EpsilonGreedyBandit(0), new Ucb1Bandit(0.2), new ThompsonBandit(),
                new GittinsBandit(new GittinsIndex(0.9, 30)))) {
            double s = score(agent, tasks);
            assertTrue(s > random + 5, agent.getClass().getSimpleName() + " " + s + " vs random " + random);
        }
        var mdps = RandomMdps.family(TabularMdpConfig.RL2_PAPER);
        List<TabularMdp> mdpTasks = mdps.tasks().test().sample(100, new SplittableRandom(11));
        double mdpRandom = TrialEvaluator.evaluate(TRIAL_SAMPLER, "random", new RandomAgent(), mdps, mdpTasks, 10,
                Optional.of(new TabularOracle(10)), new SplittableRandom(12)).total().mean();
        double psrl = TrialEvaluator.evaluate(TRIAL_SAMPLER, "psrl", new Psrl(10), mdps, mdpTasks, 10,
                Optional.of(new TabularOracle(10)), new SplittableRandom(12)).total().mean();
        assertTrue(psrl > mdpRandom + 20, "PSRL " + psrl + " vs random " + mdpRandom);
    }

    private static double score(TrialPolicy agent, List<BanditTask> tasks) {
        return TrialEvaluator.evaluate(TRIAL_SAMPLER, "a", agent, Bandits.family(BanditConfig.bernoulli(5)), tasks, 30,
                Optional.of(Bandits.oracle()), new SplittableRandom(1)).total().mean();
    }

    @Test
    void trialEvaluator_reportsFractionsOfTheOracle() {
        var family = Bandits.family(BanditConfig.bernoulli(2));
        List<BanditTask> tasks = List.of(new BanditTask(new double[] {1, 0}), new BanditTask(new double[] {0, 1}));
        // always arm 0: the first task pays 1 per pull (fraction 1), the second 0
        var score = TrialEvaluator.evaluate(TRIAL_SAMPLER, "arm0", (trials, layout) -> (in, active, rng, actions) ->
                java.util.Arrays.fill(actions, 0), family, tasks, 5, Optional.of(Bandits.oracle()), new SplittableRandom(1));
        assertEquals(2.5, score.total().mean(), 1e-12);
        assertEquals(0.5, score.fraction().orElseThrow().mean(), 1e-12);
    }
}
