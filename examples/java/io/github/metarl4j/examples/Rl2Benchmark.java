package io.github.metarl4j.examples;

import io.github.metarl4j.sampler.Sampler;
import io.github.metarl4j.sampler.LockstepSampler;
import io.github.metarl4j.algo.Metric;
import io.github.metarl4j.algo.MetaStepReport;
import io.github.metarl4j.algo.rl2.Rl2;
import io.github.metarl4j.algo.rl2.Rl2Config;
import io.github.metarl4j.envs.bandit.BanditConfig;
import io.github.metarl4j.envs.bandit.BanditTask;
import io.github.metarl4j.envs.bandit.Bandits;
import io.github.metarl4j.eval.TrialEvaluator;
import io.github.metarl4j.eval.TrialScore;
import io.github.metarl4j.eval.agents.EpsilonGreedyBandit;
import io.github.metarl4j.eval.agents.GittinsBandit;
import io.github.metarl4j.eval.agents.GittinsIndex;
import io.github.metarl4j.nn.RecurrentNet;
import io.github.metarl4j.optim.PpoConfig;
import io.github.metarl4j.random.SeedTree;
import java.util.List;
import java.util.Optional;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * RL^2's training speed on the RL^2 paper's k-armed, n-pull Bernoulli bandits (Duan et al.
 * 2016): environment steps per second of training (sampling with the recurrent policy, GAE, and
 * every PPO epoch's forward and backward passes through time), and the training time until the
 * score on held-out tasks reaches {@code --target} (default 0.98) times the Gittins agent's score
 * on the same tasks. Evaluation time is not counted as training time. The last line is
 * {@code key=value} pairs.
 *
 * <pre>Rl2Benchmark [--arms 5] [--pulls 10] [--hidden 32] [--trials 2000] [--lr 0.01] [--epochs 5]
 *              [--minibatches 8] [--entropy 0] [--lambda 0.3] [--gamma 0.99] [--iterations 3000]
 *              [--minutes 15] [--eval-every 5] [--eval-tasks 2000] [--target 0.98] [--seed 1] [--smoke]</pre>
 */
public final class Rl2Benchmark {

    /** Trials run on the caller's thread. */
    private static final Sampler TRIAL_SAMPLER = new LockstepSampler(1, DataType.DOUBLE);

    private Rl2Benchmark() {
    }

    public static void main(String[] args) {
        boolean smoke = List.of(args).contains("--smoke");
        int arms = BenchmarkArgs.intArg(args, "--arms", 5);
        int pulls = BenchmarkArgs.intArg(args, "--pulls", 10);
        int hidden = BenchmarkArgs.intArg(args, "--hidden", 32);
        int trials = smoke ? 20 : BenchmarkArgs.intArg(args, "--trials", 2000);
        int iterations = smoke ? 3 : BenchmarkArgs.intArg(args, "--iterations", 3000);
        double minutes = BenchmarkArgs.doubleArg(args, "--minutes", 15);
        int evalEvery = smoke ? 3 : BenchmarkArgs.intArg(args, "--eval-every", 5);
        int evalTasks = smoke ? 20 : BenchmarkArgs.intArg(args, "--eval-tasks", 2000);
        double target = BenchmarkArgs.doubleArg(args, "--target", 0.98);
        long seed = BenchmarkArgs.intArg(args, "--seed", 1);
        Rl2Config config = Rl2Config.ppo(pulls, BenchmarkArgs.doubleArg(args, "--gamma", 0.99),
                BenchmarkArgs.doubleArg(args, "--lambda", 0.3), PpoConfig.constant(0.2,
                BenchmarkArgs.intArg(args, "--epochs", 5), BenchmarkArgs.doubleArg(args, "--lr", 0.01)),
                BenchmarkArgs.intArg(args, "--minibatches", 8), 0.5, BenchmarkArgs.doubleArg(args, "--entropy", 0.0));
        var family = Bandits.family(BanditConfig.bernoulli(arms));
        SeedTree root = SeedTree.root(seed);
        List<BanditTask> held = family.tasks().test().sample(evalTasks, root.child("held-out").generator());
        double gittins = TrialEvaluator.evaluate(TRIAL_SAMPLER, "gittins", new GittinsBandit(new GittinsIndex(pulls >= 100 ? 0.98 : 0.5,
                pulls)), family, held, pulls, Optional.of(Bandits.oracle()), root.child("play").generator()).total().mean();
        double greedy = TrialEvaluator.evaluate(TRIAL_SAMPLER, "greedy", new EpsilonGreedyBandit(0), family, held, pulls,
                Optional.of(Bandits.oracle()), root.child("play").generator()).total().mean();
        System.out.printf("k=%d n=%d: Gittins %.3f, greedy %.3f on %d held-out tasks; target %.3f%n", arms, pulls,
                gittins, greedy, evalTasks, target * gittins);
        RecurrentNet net = new RecurrentNet(1 + arms + 2, hidden, arms, DataType.FLOAT);
        Rl2 rl2 = new Rl2(config, net, net.initialParameters(root.child("init").generator()),
                new LockstepSampler(1, net.dataType()));
        double training = 0;
        double evaluating = 0;
        long steps = 0;
        double reached = Double.NaN;
        double score = Double.NaN;
        int done = 0;
        while (done < iterations && training < minutes * 60) {
            long t0 = System.nanoTime();
            MetaStepReport r = rl2.metaStep(family, family.tasks().train().sample(trials,
                    root.child("tasks").child(done).generator()), root.child("batch").child(done).generator());
            training += (System.nanoTime() - t0) / 1e9;
            steps += r.value(Metric.ENV_STEPS);
            done++;
            if (done % evalEvery == 0) {
                long e0 = System.nanoTime();
                TrialScore s = TrialEvaluator.evaluate(TRIAL_SAMPLER, "rl2", rl2.policy(), family, held, pulls,
                        Optional.of(Bandits.oracle()), root.child("play").generator());
                evaluating += (System.nanoTime() - e0) / 1e9;
                score = s.total().mean();
                System.out.printf("iteration %5d  training %7.1f s  %8.0f steps/s  score %.3f +- %.3f (%.1f%% of Gittins)%n",
                        done, training, steps / training, score, s.total().halfWidth(), 100 * score / gittins);
                if (Double.isNaN(reached) && score >= target * gittins) {
                    reached = training;
                    break;
                }
            }
        }
        System.out.printf("env_steps_per_s=%.0f seconds_to_target=%s iterations=%d final_score=%.3f gittins=%.3f "
                        + "evaluation_s=%.1f hidden=%d trials=%d%n", steps / training,
                Double.isNaN(reached) ? "not-reached" : String.format("%.1f", reached), done, score, gittins, evaluating,
                hidden, trials);
    }
}
