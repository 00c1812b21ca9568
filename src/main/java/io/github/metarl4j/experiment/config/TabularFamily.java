package io.github.metarl4j.experiment.config;

import io.github.metarl4j.envs.tabular.RandomMdps;
import io.github.metarl4j.envs.tabular.TabularMdp;
import io.github.metarl4j.envs.tabular.TabularMdpConfig;
import io.github.metarl4j.envs.tabular.TabularOracle;
import io.github.metarl4j.offline.TabularExpert;
import java.util.Optional;

/**
 * Random tabular MDPs ({@code type: tabular}; the RL^2 paper's, Duan et al. 2016): Dirichlet(1)
 * transitions, N(1, 1) reward means, episodes from state 0; the oracle is finite-horizon value
 * iteration on the true MDP; the offline datasets' expert acts as the optimal policy does with the
 * whole horizon to go ({@link TabularExpert}).
 *
 * @param states  S, >= 1 (the paper's 10)
 * @param actions A, >= 1 (the paper's 5)
 * @param horizon steps per episode, >= 1 (the paper's 10)
 */
public record TabularFamily(int states, int actions, int horizon) implements FamilyConfig {

    /**
     * Checks the arguments and holds them:
     *
     * @param states  S, >= 1 (the paper's 10)
     * @param actions A, >= 1 (the paper's 5)
     * @param horizon steps per episode, >= 1 (the paper's 10)
     */
    public TabularFamily {
        new TabularMdpConfig(states, actions, horizon);
    }

    @Override
    public FamilySetup<TabularMdp, double[], Integer> build() {
        return new FamilySetup<>(RandomMdps.family(new TabularMdpConfig(states, actions, horizon)),
                Optional.of(new TabularOracle(horizon)), Optional.empty(), Optional.of(new TabularExpert(horizon)));
    }
}
