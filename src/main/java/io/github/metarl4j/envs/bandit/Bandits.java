package io.github.metarl4j.envs.bandit;

import io.github.metarl4j.env.EnvSpec;
import io.github.metarl4j.env.TaskFamily;
import io.github.metarl4j.space.Box;
import io.github.metarl4j.space.Discrete;
import io.github.metarl4j.task.Oracle;
import io.github.metarl4j.task.TaskDistribution;
import io.github.metarl4j.task.TaskSplit;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The bandit family: arm means i.i.d. U[0, 1] (the same distribution for meta-training and
 * meta-test), a constant observation {@code [0]}, k discrete actions, one pull per episode.
 */
public final class Bandits implements TaskDistribution<BanditTask> {

    private final BanditConfig config;

    /**
     * The distribution of {@code config}'s bandits.
     *
     * @param config the number of arms and the reward law
     */
    public Bandits(BanditConfig config) {
        this.config = config;
    }

    @Override
    public List<BanditTask> sample(int n, RandomGenerator rng) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, got " + n);
        }
        List<BanditTask> out = new ArrayList<>(n);
        for (int t = 0; t < n; t++) {
            double[] means = new double[config.arms()];
            for (int i = 0; i < means.length; i++) {
                means[i] = rng.nextDouble();
            }
            out.add(new BanditTask(means));
        }
        return out;
    }

    /** The family: {@code bandit-<k>}, observation space {0}, {@code Discrete(k)}, horizon 1. */
    public static TaskFamily<BanditTask, double[], Integer> family(BanditConfig config) {
        return new TaskFamily<>("bandit-" + config.arms(), new EnvSpec<>(Box.of(0, 0, 1), new Discrete(config.arms()),
                1), TaskSplit.of(new Bandits(config)), task -> new BanditEnv(task, config));
    }

    /** The optimal expected reward of one pull: the best arm's mean. */
    public static Oracle<BanditTask> oracle() {
        return BanditTask::bestMean;
    }
}
