package io.github.metarl4j.algo.maml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.metarl4j.optim.TrpoConfig;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class MamlConfigTest {

    private static void rejects(String message, Supplier<MamlConfig> build) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, build::get).getMessage());
    }

    @Test
    void defaults_areTheMamlPapersNavigationSettings() {
        MamlConfig c = MamlConfig.builder().build();
        assertEquals(0.1, c.innerStepSize());
        assertEquals(1, c.innerSteps());
        assertEquals(20, c.fastBatch());
        assertEquals(20, c.metaBatch());
        assertEquals(0.99, c.gamma());
        assertEquals(1.0, c.gaeLambda());
        assertEquals(TrpoConfig.MAML_PAPER, c.trpo());
        assertEquals(new TrpoConfig(0.01, 10, 1e-5, 15, 0.8), c.trpo());
    }

    @Test
    void badValues_areRejectedNamingTheKeyAndValue() {
        rejects("innerStepSize must be finite and >= 0, got -0.1", () -> MamlConfig.builder().innerStepSize(-0.1).build());
        rejects("innerStepSize must be finite and >= 0, got NaN",
                () -> MamlConfig.builder().innerStepSize(Double.NaN).build());
        rejects("innerSteps must be >= 1, got 0", () -> MamlConfig.builder().innerSteps(0).build());
        rejects("fastBatch must be >= 1, got 0", () -> MamlConfig.builder().fastBatch(0).build());
        rejects("metaBatch must be >= 1, got -3", () -> MamlConfig.builder().metaBatch(-3).build());
        rejects("gamma must be in [0, 1], got 1.01", () -> MamlConfig.builder().gamma(1.01).build());
        rejects("gaeLambda must be in [0, 1], got -1.0", () -> MamlConfig.builder().gaeLambda(-1).build());
        rejects("outer optimiser must be one of [TRPO, PPO], got null", () -> MamlConfig.builder().outer(null).build());
        rejects("trpo settings must be non-null", () -> MamlConfig.builder().trpo(null).build());
    }
}
