package io.github.metarl4j.envs.bandit;

import io.github.metarl4j.env.Env;
import io.github.metarl4j.env.StepResult;
import io.github.metarl4j.space.Discrete;
import java.util.SplittableRandom;

/** One pull of one bandit: observation {@code [0]}, reward drawn from the pulled arm, then the episode ends. */
public final class BanditEnv implements Env<double[], Integer> {

    private final BanditTask task;
    private final BanditConfig config;
    private final Discrete actions;
    private SplittableRandom rng;
    private boolean running;

    /**
     * The environment of {@code task} with {@code config}'s reward law.
     *
     * @param task   the arms' reward means
     * @param config the number of arms (equal to the task's) and the reward law
     */
    public BanditEnv(BanditTask task, BanditConfig config) {
        if (task.arms() != config.arms()) {
            throw new IllegalArgumentException("task has " + task.arms() + " arms, the family " + config.arms());
        }
        if (config.rewards() == BanditConfig.Rewards.BERNOULLI) {
            for (int i = 0; i < task.arms(); i++) {
                if (task.mean(i) < 0 || task.mean(i) > 1) {
                    throw new IllegalArgumentException("a Bernoulli arm's mean must be in [0, 1], got " + task.mean(i)
                            + " for arm " + i);
                }
            }
        }
        this.task = task;
        this.config = config;
        this.actions = new Discrete(config.arms());
    }

    @Override
    public double[] reset(long seed) {
        rng = new SplittableRandom(seed);
        running = true;
        return new double[] {0.0};
    }

    @Override
    public StepResult<double[]> step(Integer action) {
        int arm = actions.checked(action);
        if (!running) {
            throw new IllegalStateException("no running episode: call reset first (a bandit episode is one pull)");
        }
        running = false;
        double p = task.mean(arm);
        double reward = config.rewards() == BanditConfig.Rewards.BERNOULLI
                ? (rng.nextDouble() < p ? 1.0 : 0.0)
                : p + config.sigma() * rng.nextGaussian();
        return new StepResult<>(new double[] {0.0}, reward, true, false);
    }
}
