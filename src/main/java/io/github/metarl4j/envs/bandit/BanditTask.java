package io.github.metarl4j.envs.bandit;

import io.github.metarl4j.task.Task;
import java.util.Arrays;

/**
 * One bandit: the mean reward of each arm.
 *
 * @param means {@code [k]} arm means; for Bernoulli arms each in [0, 1]
 */
public record BanditTask(double[] means) implements Task {

    /**
     * Checks the arguments and holds them:
     *
     * @param means {@code [k]} arm means; for Bernoulli arms each in [0, 1]
     */
    public BanditTask {
        if (means == null || means.length < 2) {
            throw new IllegalArgumentException("a bandit needs at least 2 arms, got "
                    + (means == null ? "none" : means.length));
        }
        for (double m : means) {
            if (!Double.isFinite(m)) {
                throw new IllegalArgumentException("arm means must be finite, got " + Arrays.toString(means));
            }
        }
        means = means.clone();
    }

    /** The number of arms. */
    public int arms() {
        return means.length;
    }

    /** Arm {@code i}'s mean. */
    public double mean(int i) {
        return means[i];
    }

    /** The best arm's mean: the optimal expected reward of one pull. */
    public double bestMean() {
        return Arrays.stream(means).max().orElseThrow();
    }

    @Override
    public double[] means() {
        return means.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BanditTask t && Arrays.equals(means, t.means);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(means);
    }

    @Override
    public String toString() {
        return "BanditTask" + Arrays.toString(means);
    }
}
