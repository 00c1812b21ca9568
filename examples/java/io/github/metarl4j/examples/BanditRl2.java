package io.github.metarl4j.examples;

import io.github.metarl4j.envs.bandit.BanditConfig;
import io.github.metarl4j.experiment.config.BanditFamily;
import io.github.metarl4j.experiment.config.ExperimentConfig;
import io.github.metarl4j.experiment.config.Rl2Learner;
import io.github.metarl4j.random.SeedTree;
import java.util.Map;

/**
 * RL^2 on the RL^2 paper's Bernoulli bandits (Duan et al. 2016, Table 1), configured by
 * {@code examples/configs/bandit-rl2.yaml}: trains it as {@code metarl4j train} does, then prints
 * the setting's row of the paper's table, RL^2 beside the reference agents on the same held-out
 * tasks.
 *
 * <pre>BanditRl2 [--config FILE] [--out DIR] [--trials N] [--set KEY=VALUE ...] [--smoke]
 * BanditRl2 --resume --out DIR [--trials N] [--allow-config-change KEY,...]</pre>
 */
public final class BanditRl2 {

    private BanditRl2() {
    }

    public static void main(String[] args) {
        Rl2Example.exit(run(args));
    }

    /** Runs the example; returns its exit status (Main's), having reported any mistake on standard error. */
    static int run(String[] args) {
        return Rl2Example.run(args, "examples/configs/bandit-rl2.yaml", BanditRl2::check,
                (config, trained, trials, smoke) -> {
                    BanditFamily bandit = (BanditFamily) config.family();
                    int n = ((Rl2Learner) config.learner()).rl2().episodesPerTrial();
                    ReferenceAgents.bandits(bandit.arms(), n, trials, SeedTree.root(1), smoke, Map.of("rl2", trained));
                });
    }

    private static void check(ExperimentConfig config) {
        if (!(config.family() instanceof BanditFamily bandit) || bandit.rewards() != BanditConfig.Rewards.BERNOULLI
                || !(config.learner() instanceof Rl2Learner)) {
            throw new IllegalArgumentException("the paper's table is for RL^2 on Bernoulli bandits; the config "
                    + config.name() + " has family " + config.family() + " and learner " + config.learner().name());
        }
    }
}
