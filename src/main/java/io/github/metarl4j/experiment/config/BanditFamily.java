package io.github.metarl4j.experiment.config;

import io.github.metarl4j.envs.bandit.BanditConfig;
import io.github.metarl4j.envs.bandit.BanditTask;
import io.github.metarl4j.envs.bandit.Bandits;
import java.util.Optional;

/**
 * Multi-armed bandits ({@code type: bandit}; the RL^2 paper's, Duan et al. 2016): each task is k
 * arm means drawn uniformly from [0, 1], each episode one pull; the oracle pulls the best arm.
 *
 * @param arms    k, >= 2
 * @param rewards BERNOULLI or GAUSSIAN
 * @param sigma   the Gaussian arms' reward standard deviation, > 0 (not used by Bernoulli arms)
 */
public record BanditFamily(int arms, BanditConfig.Rewards rewards, double sigma) implements FamilyConfig {

    /**
     * Checks the arguments and holds them:
     *
     * @param arms    k, >= 2
     * @param rewards BERNOULLI or GAUSSIAN
     * @param sigma   the Gaussian arms' reward standard deviation, > 0 (not used by Bernoulli arms)
     */
    public BanditFamily {
        new BanditConfig(arms, rewards, sigma);
    }

    @Override
    public FamilySetup<BanditTask, double[], Integer> build() {
        return new FamilySetup<>(Bandits.family(new BanditConfig(arms, rewards, sigma)), Optional.of(Bandits.oracle()));
    }
}
