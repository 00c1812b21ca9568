package io.github.metarl4j.experiment.config;

import io.github.metarl4j.envs.gridworld.GridOracle;
import io.github.metarl4j.envs.gridworld.GridTask;
import io.github.metarl4j.envs.gridworld.GridTasks;
import io.github.metarl4j.envs.gridworld.GridWorld;
import io.github.metarl4j.envs.gridworld.GridWorldConfig;
import io.github.metarl4j.envs.gridworld.Region;
import io.github.metarl4j.envs.gridworld.RegionSplit;
import io.github.metarl4j.task.Oracle;
import io.github.metarl4j.task.TaskSplit;
import io.github.metarl4j.offline.GridExpert;
import java.util.Optional;

/**
 * The grid world ({@code type: gridworld}) with its value-iteration oracle. Tasks are (start, goal)
 * pairs: the meta-training, validation and test sets each pair a start region with a goal region,
 * and must be disjoint. A fixed goal is {@code goal} in all three; a goal that varies and is not in
 * the observation (observation {@code COORDINATES} or {@code ONE_HOT}) makes tasks that only
 * experience can tell apart.
 *
 * @param world  dynamics, rewards, horizon and observation
 * @param starts the start regions of the three sets
 * @param goals  the goal regions of the three sets
 * @param source phase 1 of the {@code FINE_TUNE} reference: the tasks a policy is trained on before it
 *               is fine-tuned on the test tasks (the founding example's bottom-left corner)
 */
public record GridWorldFamily(GridWorldConfig world, RegionSplit starts, RegionSplit goals, Source source)
        implements FamilyConfig {

    /**
     * The tasks of phase 1 for fine-tuning: pairs of a start region and a goal region.
     *
     * @param start the start region
     * @param goal  the goal region
     */
    public record Source(Region start, Region goal) {

        /**
         * Checks the arguments and holds them:
         *
         * @param start the start region
         * @param goal  the goal region
         */
        public Source {
            if (start == null || goal == null) {
                throw new IllegalArgumentException("source start and goal regions must be given");
            }
        }
    }

    /**
     * Checks the arguments and holds them:
     *
     * @param world  dynamics, rewards, horizon and observation
     * @param starts the start regions of the three sets
     * @param goals  the goal regions of the three sets
     * @param source phase 1 of the {@code FINE_TUNE} reference: the tasks a policy is trained on before it
     *               is fine-tuned on the test tasks (the founding example's bottom-left corner)
     */
    public GridWorldFamily {
        if (world == null) {
            throw new IllegalArgumentException("world must be given");
        }
        if (starts == null || goals == null || source == null) {
            throw new IllegalArgumentException("starts, goals and source must be given");
        }
    }

    @Override
    public FamilySetup<GridTask, double[], Integer> build() {
        TaskSplit<GridTask> split = GridTasks.of(world.map(), starts, goals);
        Oracle<GridTask> oracle = new GridOracle(world);
        return new FamilySetup<>(GridWorld.family(world, split), Optional.of(oracle),
                Optional.of(GridTasks.uniform(world.map(), source.start(), source.goal())),
                Optional.of(new GridExpert(world)));
    }
}
