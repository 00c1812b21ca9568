package io.github.metarl4j.experiment.config;

import io.github.metarl4j.optim.OuterOptimizer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metarl4j.envs.gridworld.GridMap;
import io.github.metarl4j.envs.gridworld.GridWorldConfig;
import io.github.metarl4j.envs.gridworld.ObservationMode;
import io.github.metarl4j.examples.GridWorldTour;
import io.github.metarl4j.experiment.layout.RunDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFilesTest {

    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        Path f = dir.resolve("c.yaml");
        Files.writeString(f, yaml);
        return f;
    }

    @Test
    void exampleConfig_readsAndRoundTripsToAnEqualRecord() {
        GridWorldTour.Config c = ConfigFiles.read(Path.of("examples/configs/gridworld-tour.yaml"),
                GridWorldTour.Config.class);
        assertEquals(GridMap.of("four-rooms"), c.world().map());
        assertEquals(72, c.world().horizon());
        assertEquals("left-half", c.starts().train().text());
        assertEquals("goal", c.goals().test().text());
        assertEquals(c, ConfigFiles.fromYaml(ConfigFiles.toYaml(c), GridWorldTour.Config.class));
    }

    @Test
    void everyExperimentConfig_readsAndRoundTripsToAnEqualRecord() throws IOException {
        for (String name : new String[] {"founding-transfer", "founding-hidden-goals", "navigation-2d",
            "custom-family", "bandit-rl2", "tabular-mdp-rl2", "tabular-mdp-rl2-aux",
            "tabular-mdp25-rl2-aux", "offline-gridworld", "offline-gridworld-cql"}) {
            ExperimentConfig c = ConfigFiles.read(Path.of("examples/configs/" + name + ".yaml"), ExperimentConfig.class);
            assertEquals(name, c.name());
            assertEquals(c, ConfigFiles.fromYaml(ConfigFiles.toYaml(c), ExperimentConfig.class), name);
            Path resolved = RunDirectory.create(dir.resolve(name), c).root().resolve(RunDirectory.CONFIG);
            assertEquals(c, ConfigFiles.read(resolved, ExperimentConfig.class), name);
        }
        ExperimentConfig founding = ConfigFiles.read(Path.of("examples/configs/founding-transfer.yaml"),
                ExperimentConfig.class);
        var maml = ((MamlLearner) founding.learner()).maml();
        assertEquals(0.5, maml.innerStepSize());
        assertEquals(io.github.metarl4j.optim.OuterOptimizer.TRPO, maml.outer());
        assertEquals(0.01, maml.trpo().maxKl());
        assertEquals(java.util.List.of(64, 64), founding.policy().widths());
        assertEquals(GridMap.of("four-rooms"), ((GridWorldFamily) founding.family()).world().map());
        assertEquals("all - top-left-quadrant", ((GridWorldFamily) founding.family()).starts().train().text());
        assertEquals(java.util.List.of(0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 4.0), founding.evaluation().stepSizes());
    }

    @Test
    void overrides_setNestedKeysWithYamlValues() {
        ExperimentConfig c = ConfigFiles.read(Path.of("examples/configs/founding-transfer.yaml"),
                ExperimentConfig.class, java.util.List.of("run.metaBatches=200", "policy.hidden=[32, 16]",
                        "learner.maml.outer=PPO", "learner.maml.trpo.maxKl=0.02", "family.world.slip=0.1"));
        assertEquals(200, c.run().metaBatches());
        assertEquals(java.util.List.of(32, 16), c.policy().widths());
        var maml = ((MamlLearner) c.learner()).maml();
        assertEquals(io.github.metarl4j.optim.OuterOptimizer.PPO, maml.outer());
        assertEquals(0.02, maml.trpo().maxKl());
        assertEquals(0.1, ((GridWorldFamily) c.family()).world().slip());
        assertEquals(c, ConfigFiles.fromYaml(ConfigFiles.toYaml(c), ExperimentConfig.class));
    }

    @Test
    void asciiMapAndExplicitCells_roundTrip() {
        GridWorldConfig world = GridWorldConfig.builder(GridMap.parse("#..G\n#...")).slip(0.1)
                .observation(ObservationMode.COORDINATES).build();
        assertEquals(world, ConfigFiles.fromYaml(ConfigFiles.toYaml(world), GridWorldConfig.class));
    }

    @Test
    void outOfRangeValue_namesFileKeyAndValue() throws IOException {
        String yaml = Files.readString(Path.of("examples/configs/gridworld-tour.yaml")).replace("slip: 0.0", "slip: 1.5");
        Path f = write(yaml);
        var e = assertThrows(IllegalArgumentException.class, () -> ConfigFiles.read(f, GridWorldTour.Config.class));
        assertEquals("config " + f + ": key 'world.slip': slip must be in [0, 1], got 1.5", e.getMessage());
    }

    @Test
    void unknownRegionAndMissingKey_areReported() throws IOException {
        String base = Files.readString(Path.of("examples/configs/gridworld-tour.yaml"));
        Path f = write(base.replace("test: bottom-right-quadrant", "test: middle"));
        var e = assertThrows(IllegalArgumentException.class, () -> ConfigFiles.read(f, GridWorldTour.Config.class));
        assertTrue(e.getMessage().startsWith("config " + f + ": key 'starts.test': unknown region 'middle'"),
                e.getMessage());
        Path g = write(base.replaceAll("(?m)^  horizon:.*$", ""));
        e = assertThrows(IllegalArgumentException.class, () -> ConfigFiles.read(g, GridWorldTour.Config.class));
        assertEquals("config " + g + ": missing required key 'world.horizon'", e.getMessage());
        Path h = write(base.replace("  stepCost:", "  stepCosts: 0.5\n  stepCost:"));
        e = assertThrows(IllegalArgumentException.class, () -> ConfigFiles.read(h, GridWorldTour.Config.class));
        assertEquals("config " + h + ": unknown key 'world.stepCosts'; did you mean 'stepCost'? Valid keys here: "
                + "[goalReward, horizon, map, observation, slip, stepCost]", e.getMessage());
    }
}
