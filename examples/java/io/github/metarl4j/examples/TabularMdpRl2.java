package io.github.metarl4j.examples;

import io.github.metarl4j.experiment.config.ExperimentConfig;
import io.github.metarl4j.experiment.config.Rl2Learner;
import io.github.metarl4j.experiment.config.TabularFamily;
import io.github.metarl4j.random.SeedTree;
import java.util.Map;

/**
 * RL^2 on the RL^2 paper's random tabular MDPs (Duan et al. 2016, Table 2: 10 states, 5 actions,
 * episodes of 10 steps), configured by {@code examples/configs/tabular-mdp-rl2.yaml}: trains it as
 * {@code metarl4j train} does, then prints the setting's row of the paper's table, RL^2 beside
 * the reference agents on the same held-out tasks.
 *
 * <pre>TabularMdpRl2 [--config FILE] [--out DIR] [--trials N] [--set KEY=VALUE ...] [--smoke]
 * TabularMdpRl2 --resume --out DIR [--trials N] [--allow-config-change KEY,...]</pre>
 */
public final class TabularMdpRl2 {

    private TabularMdpRl2() {
    }

    public static void main(String[] args) {
        Rl2Example.exit(run(args));
    }

    /** Runs the example; returns its exit status (Main's), having reported any mistake on standard error. */
    static int run(String[] args) {
        return Rl2Example.run(args, "examples/configs/tabular-mdp-rl2.yaml", TabularMdpRl2::check,
                (config, trained, trials, smoke) -> {
                    int n = ((Rl2Learner) config.learner()).rl2().episodesPerTrial();
                    ReferenceAgents.mdps(n, trials, SeedTree.root(1), Map.of("rl2", trained));
                });
    }

    private static void check(ExperimentConfig config) {
        if (!(config.family() instanceof TabularFamily mdp) || mdp.states() != 10 || mdp.actions() != 5
                || mdp.horizon() != 10 || !(config.learner() instanceof Rl2Learner)) {
            throw new IllegalArgumentException("the paper's table is for RL^2 on 10-state, 5-action MDPs with "
                    + "10-step episodes; the config " + config.name() + " has family " + config.family()
                    + " and learner " + config.learner().name());
        }
    }
}
