package io.github.metarl4j.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metarl4j.envs.gridworld.GridMap;
import io.github.metarl4j.envs.gridworld.GridWorldConfig;
import io.github.metarl4j.envs.gridworld.ObservationMode;
import io.github.metarl4j.examples.GridWorldTour;
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
        assertEquals("left-half", c.trainRegion().text());
        assertEquals(c, ConfigFiles.fromYaml(ConfigFiles.toYaml(c), GridWorldTour.Config.class));
    }

    @Test
    void foundingExampleConfig_readsMamlSettings_andRoundTrips() {
        var c = ConfigFiles.read(Path.of("examples/configs/gridworld-start-points.yaml"),
                io.github.metarl4j.examples.GridWorldStartPoints.Config.class);
        assertEquals(0.5, c.maml().innerStepSize());
        assertEquals(io.github.metarl4j.algo.maml.MamlConfig.OuterOptimizer.TRPO, c.maml().outer());
        assertEquals(0.01, c.maml().trpo().maxKl());
        assertEquals(java.util.List.of(64, 64), c.hidden());
        assertEquals(c, ConfigFiles.fromYaml(ConfigFiles.toYaml(c),
                io.github.metarl4j.examples.GridWorldStartPoints.Config.class));
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
        assertEquals("config " + f + ": key 'world': slip must be in [0, 1], got 1.5", e.getMessage());
    }

    @Test
    void unknownRegionAndMissingKey_areReported() throws IOException {
        String base = Files.readString(Path.of("examples/configs/gridworld-tour.yaml"));
        Path f = write(base.replace("testRegion: right-half", "testRegion: middle"));
        var e = assertThrows(IllegalArgumentException.class, () -> ConfigFiles.read(f, GridWorldTour.Config.class));
        assertTrue(e.getMessage().startsWith("config " + f + ": key 'testRegion': unknown region 'middle'"),
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
