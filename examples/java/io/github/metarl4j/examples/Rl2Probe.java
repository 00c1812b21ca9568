package io.github.metarl4j.examples;

import io.github.metarl4j.algo.MetaStepReport;
import io.github.metarl4j.algo.rl2.Rl2;
import io.github.metarl4j.algo.rl2.Rl2Config;
import io.github.metarl4j.envs.bandit.BanditConfig;
import io.github.metarl4j.envs.bandit.Bandits;
import io.github.metarl4j.eval.TrialEvaluator;
import io.github.metarl4j.nn.RecurrentNet;
import io.github.metarl4j.optim.PpoConfig;
import io.github.metarl4j.random.SeedTree;
import java.util.Optional;
import org.nd4j.linalg.api.buffer.DataType;

public final class Rl2Probe {
    public static void main(String[] args) {
        int iters = BenchmarkArgs.intArg(args, "--iters", 100);
        int trials = BenchmarkArgs.intArg(args, "--trials", 250);
        int hidden = BenchmarkArgs.intArg(args, "--hidden", 64);
        double lr = Double.parseDouble(System.getProperty("lr", "0.003"));
        var family = Bandits.family(BanditConfig.bernoulli(5));
        Rl2Config c = new Rl2Config(hidden, 10, 0.99, 0.3, new PpoConfig(0.2, 5, lr), 4, 0.5, 0.01);
        RecurrentNet net = new RecurrentNet(1 + 5 + 2, hidden, 5, DataType.FLOAT);
        SeedTree root = SeedTree.root(1);
        Rl2 rl2 = new Rl2(c, net, net.initialParameters(root.child("init").generator()));
        var evalTasks = family.tasks().test().sample(1000, root.child("eval").generator());
        long start = System.nanoTime();
        for (int i = 0; i < iters; i++) {
            var tasks = family.tasks().train().sample(trials, root.child("tasks").child(i).generator());
            MetaStepReport r = rl2.metaStep(family, tasks, root.child("batch").child(i).generator());
            if (i % 10 == 9 || i == 0) {
                double score = TrialEvaluator.evaluate("rl2", rl2.policy(), family, evalTasks, 10,
                        Optional.of(Bandits.oracle()), root.child("play").generator()).total().mean();
                System.out.printf("iter %d first %.3f last %.3f loss %.4f kl %.4f grad %.3f score %.3f (%.1f s)%n", i + 1,
                        r.returnBefore(), r.returnAfter(), r.objectiveBefore(), r.kl(), r.gradientNorm(), score,
                        (System.nanoTime() - start) / 1e9);
            }
        }
    }
}
