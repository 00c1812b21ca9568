package io.github.metarl4j.envs.bandit;

/**
 * The bandits of a family.
 *
 * @param arms    k, >= 2
 * @param rewards Bernoulli or Gaussian arms
 * @param sigma   the Gaussian arms' reward standard deviation, > 0 (ignored for Bernoulli arms)
 */
public record BanditConfig(int arms, Rewards rewards, double sigma) {

    /** How a pull pays. */
    public enum Rewards {
        /** 1 with probability p_i, else 0; p_i ~ U[0, 1]. */
        BERNOULLI,
        /** N(p_i, sigma^2); p_i ~ U[0, 1]. */
        GAUSSIAN
    }

    /**
     * Checks the arguments and holds them:
     *
     * @param arms    k, >= 2
     * @param rewards Bernoulli or Gaussian arms
     * @param sigma   the Gaussian arms' reward standard deviation, > 0 (ignored for Bernoulli arms)
     */
    public BanditConfig {
        if (arms < 2) {
            throw new IllegalArgumentException("arms must be >= 2, got " + arms);
        }
        if (rewards == null) {
            throw new IllegalArgumentException("rewards must be one of " + java.util.Arrays.toString(Rewards.values()));
        }
        if (!(sigma > 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("sigma must be finite and > 0, got " + sigma);
        }
    }

    /** The RL^2 paper's bandits: {@code arms} Bernoulli arms. */
    public static BanditConfig bernoulli(int arms) {
        return new BanditConfig(arms, Rewards.BERNOULLI, 1.0);
    }
}
