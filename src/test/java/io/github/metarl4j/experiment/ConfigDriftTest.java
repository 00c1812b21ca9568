package io.github.metarl4j.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metarl4j.experiment.config.ConfigException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The keys that differ between two configs, and which may change on resume. */
class ConfigDriftTest {

    private static final String BEFORE = """
            name: a
            seed: 1
            family: {type: navigation, horizon: 100}
            policy: {hidden: [64, 64], activation: TANH}
            run: {metaBatches: 10, threads: 2}
            evaluation: {tasks: 4, target: 0.9}
            """;

    @Test
    void changedLeaves_areListedInKeyOrder_withOldAndNewValues() {
        String after = BEFORE.replace("seed: 1", "seed: 2").replace("[64, 64]", "[32, 32]")
                .replace("horizon: 100}", "horizon: 100, extra: 3}").replace("metaBatches: 10", "metaBatches: 20");
        assertEquals(List.of(new ConfigDrift.Change("family.extra", "absent", "3"),
                new ConfigDrift.Change("policy.hidden", "[64,64]", "[32,32]"),
                new ConfigDrift.Change("run.metaBatches", "10", "20"),
                new ConfigDrift.Change("seed", "1", "2")), ConfigDrift.between(BEFORE, after));
        assertEquals(List.of(), ConfigDrift.between(BEFORE, BEFORE));
        assertEquals("policy.hidden: [64,64] -> [32,32], seed: 1 -> 2", ConfigDrift.join(List.of(
                new ConfigDrift.Change("policy.hidden", "[64,64]", "[32,32]"), new ConfigDrift.Change("seed", "1", "2"))));
    }

    /** A run written before ppo.decayBatches existed trained at a constant rate: 0 is no change, 800 is. */
    @Test
    void aKeyAddedSinceTheCheckpoint_atItsNeutralValue_isNoChange() {
        String old = "learner: {type: rl2, rl2: {ppo: {clip: 0.2, learningRate: 0.005}}}\n";
        assertEquals(List.of(), ConfigDrift.between(old, old.replace("0.005}", "0.005, decayBatches: 0}")));
        assertEquals(List.of(new ConfigDrift.Change("learner.rl2.ppo.decayBatches", "absent", "800")),
                ConfigDrift.between(old, old.replace("0.005}", "0.005, decayBatches: 800}")));
        assertEquals(List.of(new ConfigDrift.Change("learner.rl2.ppo.decayBatches", "0", "absent")),
                ConfigDrift.between(old.replace("0.005}", "0.005, decayBatches: 0}"), old));
        assertEquals(List.of(new ConfigDrift.Change("learner.rl2.decayBatches", "absent", "0")),
                ConfigDrift.between(old, old.replace("rl2: {", "rl2: {decayBatches: 0, ")));
    }

    @Test
    void onlyKeysThatLeaveTrainingAsItWas_mayBeAllowed() {
        assertEquals(Set.of("run.metaBatches", "evaluation.*", "run.threads"),
                ConfigDrift.allowed(List.of("run.metaBatches", "evaluation.*,run.threads")));
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigDrift.allowed(List.of("policy.hidden")));
        assertEquals("--allow-config-change policy.hidden: only [name, run.metaBatches, run.threads, "
                + "run.executor, run.master, run.checkpointEvery, run.keepCheckpoints, evaluation.*] may change on resume; any other key changes "
                + "what is trained (start a new run instead)", e.getMessage());
        assertThrows(ConfigException.class, () -> ConfigDrift.allowed(List.of("evaluation")));
        ConfigDrift.Change target = new ConfigDrift.Change("evaluation.target", "0.9", "0.8");
        assertTrue(target.safe());
        assertTrue(target.allowedBy(Set.of("evaluation.*")));
        assertFalse(target.allowedBy(Set.of("evaluation.tasks")));
        assertFalse(new ConfigDrift.Change("evaluationx.target", "", "").allowedBy(Set.of("evaluation.*")));
    }
}
