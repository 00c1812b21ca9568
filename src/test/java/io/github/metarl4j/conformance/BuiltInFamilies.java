package io.github.metarl4j.conformance;

import io.github.metarl4j.envs.bandit.BanditConfig;
import io.github.metarl4j.envs.bandit.Bandits;
import io.github.metarl4j.envs.gridworld.GridMap;
import io.github.metarl4j.envs.gridworld.GridTasks;
import io.github.metarl4j.envs.gridworld.GridWorld;
import io.github.metarl4j.envs.gridworld.GridWorldConfig;
import io.github.metarl4j.envs.gridworld.ObservationMode;
import io.github.metarl4j.envs.gridworld.Region;
import io.github.metarl4j.envs.gridworld.RegionSplit;
import io.github.metarl4j.envs.navigation.GoalSquare;
import io.github.metarl4j.envs.navigation.Navigation2D;
import io.github.metarl4j.envs.tabular.RandomMdps;
import io.github.metarl4j.envs.tabular.TabularMdpConfig;
import io.github.metarl4j.task.TaskSplit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.provider.Arguments;

/** Every built-in family, in every variant worth checking, for parameterised tests. */
final class BuiltInFamilies {

    private BuiltInFamilies() {
    }

    static List<Arguments> all() {
        List<Arguments> out = new ArrayList<>();
        for (String name : GridMap.NAMED.keySet()) {
            GridMap map = GridMap.of(name);
            for (ObservationMode mode : ObservationMode.values()) {
                for (double slip : new double[] {0, 0.25}) {
                    GridWorldConfig cfg = GridWorldConfig.builder(map).slip(slip).observation(mode).build();
                    out.add(Arguments.of("gridworld " + name + " start-points " + mode + " slip " + slip,
                            GridWorld.family(cfg, GridTasks.of(map, RegionSplit.of("left-half",
                                    "top-right-quadrant", "bottom-right-quadrant"), RegionSplit.same(Region.parse("goal"))))));
                }
            }
            GridWorldConfig cfg = GridWorldConfig.builder(map).slip(0.1).build();
            out.add(Arguments.of("gridworld " + name + " goals", GridWorld.family(cfg, GridTasks.of(map,
                    RegionSplit.same(Region.parse("bottom-left")),
                    RegionSplit.of("top-left-quadrant", "top-right-quadrant", "bottom-half")))));
            out.add(Arguments.of("gridworld " + name + " starts-and-goals", GridWorld.family(cfg,
                    GridTasks.of(map, RegionSplit.of("left-half", "top-right-quadrant", "bottom-right-quadrant"),
                            RegionSplit.of("left-half", "top-right-quadrant", "bottom-right-quadrant")))));
        }
        out.add(Arguments.of("navigation-2d reference", Navigation2D.family()));
        out.add(Arguments.of("navigation-2d out-of-distribution", Navigation2D.family(
                new TaskSplit<>(new GoalSquare(-0.5, 0), new GoalSquare(0, 0.5), new GoalSquare(0, 0.5)), 50)));
        for (int arms : new int[] {2, 5, 10}) {
            out.add(Arguments.of("bandit " + arms + " Bernoulli", Bandits.family(BanditConfig.bernoulli(arms))));
        }
        out.add(Arguments.of("bandit 5 Gaussian", Bandits.family(new BanditConfig(5, BanditConfig.Rewards.GAUSSIAN,
                1.0))));
        out.add(Arguments.of("tabular RL^2 paper", RandomMdps.family(TabularMdpConfig.RL2_PAPER)));
        out.add(Arguments.of("tabular 3x2 horizon 4", RandomMdps.family(new TabularMdpConfig(3, 2, 4))));
        return out;
    }

}
