package io.github.metarl4j.offline;

import io.github.metarl4j.env.TaskFamily;
import io.github.metarl4j.random.SeedTree;
import io.github.metarl4j.sampler.RowBlocks;
import io.github.metarl4j.sampler.Sampler;
import io.github.metarl4j.task.Oracle;
import io.github.metarl4j.task.Task;
import java.util.List;

/**
 * The "medium" behaviour: the noisy expert whose mean return on the given tasks is halfway between
 * the uniform policy's and the optimal, {@code J(eps) = J_random + (J_optimal - J_random) / 2}, its
 * epsilon found by bisection (12 halvings of [0, 1]; {@code J} falls as epsilon grows) on episodes
 * played from fixed seeds, so that the same arguments give the same epsilon.
 */
public final class MediumCalibration {

    private MediumCalibration() {
    }

    /**
     * The epsilon of the medium behaviour on {@code tasks}, {@code episodes} episodes each per estimate.
     *
     * @throws IllegalArgumentException if the optimum does not exceed the random policy's return
     */
    public static <T extends Task, O, A> double epsilon(Sampler sampler, TaskFamily<T, O, A> family, List<T> tasks,
                                                        int episodes, Expert<T> expert, int actions, Oracle<T> oracle,
                                                        SeedTree seeds) {
        double optimal = tasks.stream().mapToDouble(oracle::optimalReturn).average().orElseThrow();
        double random = play(sampler, family, tasks, episodes, new UniformBehaviour<>(actions), seeds);
        if (!(optimal > random)) {
            throw new IllegalArgumentException("a medium behaviour needs an optimal return above the random policy's, "
                    + "got " + optimal + " and " + random);
        }
        double target = random + (optimal - random) / 2;
        double low = 0;
        double high = 1;
        for (int i = 0; i < 12; i++) {
            double mid = (low + high) / 2;
            if (play(sampler, family, tasks, episodes, new NoisyExpert<>(expert, actions, mid), seeds) > target) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return (low + high) / 2;
    }

    private static <T extends Task, O, A> double play(Sampler sampler, TaskFamily<T, O, A> family, List<T> tasks,
                                                      int episodes, Behaviour<T> behaviour, SeedTree seeds) {
        return sampler.sample(family, tasks, episodes, new RowBlocks(tasks.stream().map(behaviour::actions).toList(),
                episodes), seeds.generator()).meanEpisodeReturn();
    }
}
