package io.github.metarl4j.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.metarl4j.experiment.config.ConfigException;
import io.github.metarl4j.experiment.config.ConfigFiles;
import io.github.metarl4j.experiment.config.ExperimentConfig;
import io.github.metarl4j.experiment.layout.Role;
import io.github.metarl4j.experiment.layout.RunDirectory;
import io.github.metarl4j.run.Checkpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The keys whose values differ between the config a run's checkpoints were trained under and the
 * config it is resumed with, and which of them may change: those that leave the trained arithmetic
 * as it was ({@code run.threads}, {@code run.executor} and {@code run.master}, since results are
 * identical for any thread count and back end;
 * {@code run.checkpointEvery}, {@code run.keepCheckpoints}; {@code run.metaBatches}, not below the
 * batches already done; the run's {@code name}; the {@code evaluation.*} settings, used only after
 * training). Any other change (the seed, the family, the policy, the learner) would produce a
 * run trained under two settings while its files claim one.
 */
public final class ConfigDrift {

    /** The keys that may change on resume when named with {@code --allow-config-change}. */
    public static final List<String> SAFE = List.of("name", "run.metaBatches", "run.threads", "run.executor",
            "run.master", "run.checkpointEvery", "run.keepCheckpoints", "evaluation.*");

    /**
     * Keys added to the config after runs were written, by their last two segments, with the value
     * that trains as those runs did: a checkpoint without the key and a config holding that value
     * are the same training, so a run written before the key existed resumes once its resolved
     * config gains the key at that value ({@code ppo.decayBatches: 0}, the constant learning rate).
     */
    static final Map<String, String> ADDED = Map.of("ppo.decayBatches", "0");

    /**
     * One key's change.
     *
     * @param key    the dotted key path ({@code family.world.slip}, {@code policy.hidden})
     * @param before its value in the checkpoint's config, as YAML text ("absent" if it had none)
     * @param after  its value now
     */
    public record Change(String key, String before, String after) {

        /** Whether {@code allowed} (keys, or {@code section.*}) names this key. */
        boolean allowedBy(Set<String> allowed) {
            return allowed.contains(key) || allowed.stream().anyMatch(a -> a.endsWith(".*")
                    && key.startsWith(a.substring(0, a.length() - 1)));
        }

        /** Whether this key may change at all. */
        boolean safe() {
            return allowedBy(Set.copyOf(SAFE));
        }

        @Override
        public String toString() {
            return key + ": " + before + " -> " + after;
        }
    }

    private ConfigDrift() {
    }

    /** The changed leaves from {@code before} to {@code after} (both a config's YAML text), in key order. */
    public static List<Change> between(String before, String after) {
        List<Change> out = new ArrayList<>();
        walk("", tree(before), tree(after), out);
        return out;
    }

    /**
     * Checks {@code --allow-config-change} keys: each must be one that may change.
     *
     * @throws ConfigException naming a key that is not
     */
    public static Set<String> allowed(List<String> keys) {
        Set<String> out = new TreeSet<>();
        for (String key : keys) {
            for (String k : key.split(",")) {
                String trimmed = k.strip();
                if (!new Change(trimmed, "", "").safe()) {
                    throw new ConfigException("--allow-config-change " + trimmed + ": only " + SAFE + " may change "
                            + "on resume; any other key changes what is trained (start a new run instead)", null);
                }
                out.add(trimmed);
            }
        }
        return out;
    }

    /**
     * Checks that the run in {@code dir} may continue under {@code config}: the newest intact
     * checkpoint of each of {@code roles} ({@link Experiment#trainedRoles()}) was trained under the
     * same config, except for keys in {@code allowed}, and {@code run.metaBatches} is not below the
     * learner's batches done. Call it before resuming.
     *
     * @return the allowed changes found, for the session's provenance ({@code run.metaBatches: 10 -> 20})
     * @throws ConfigException naming each changed key with its old and new value
     */
    public static List<String> checkResume(RunDirectory dir, ExperimentConfig config, List<Role> roles,
                                           Set<String> allowed) {
        String now = ConfigFiles.toYaml(config);
        Set<String> accepted = new TreeSet<>();
        String file = "config " + dir.root().resolve(RunDirectory.CONFIG);
        for (Role role : roles) {
            String arm = role.arm(config.learner().name());
            Optional<Checkpoint> last = dir.checkpoints(role, config.run().keepCheckpoints()).latest(s -> { });
            if (last.isEmpty() || last.get().config().isEmpty()) {
                continue;
            }
            if (role.isLearner() && last.get().batchesDone() > config.run().metaBatches()) {
                throw new ConfigException(file + ": key 'run.metaBatches': " + config.run().metaBatches()
                        + " is below the " + last.get().batchesDone() + " meta-batches " + arm + " has done; it can only "
                        + "grow", null);
            }
            List<Change> changes = between(last.get().config(), now);
            List<Change> refused = changes.stream().filter(c -> !c.allowedBy(allowed)).toList();
            if (!refused.isEmpty()) {
                List<String> safe = refused.stream().filter(Change::safe).map(Change::key).toList();
                throw new ConfigException(file + " differs from the config " + arm + " was trained under (its "
                        + "checkpoint after batch " + last.get().batchesDone() + "): " + join(refused) + ". Restore the "
                        + "file, or start a new run" + (safe.isEmpty() ? "" : "; to go on with " + String.join(", ", safe)
                        + " changed, resume with --allow-config-change " + String.join(",", safe))
                        + (safe.size() == refused.size() ? "" : "; only " + SAFE + " may change"), null);
            }
            changes.forEach(c -> accepted.add(c.toString()));
        }
        return List.copyOf(accepted);
    }

    private static JsonNode tree(String yaml) {
        try {
            return ConfigFiles.tree(yaml);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a checkpoint's config is " + e.getMessage(), e);
        }
    }

    private static void walk(String path, JsonNode a, JsonNode b, List<Change> out) {
        if (a != null && b != null && a.isObject() && b.isObject()) {
            Set<String> keys = new TreeSet<>();
            a.fieldNames().forEachRemaining(keys::add);
            b.fieldNames().forEachRemaining(keys::add);
            for (String k : keys) {
                walk(path.isEmpty() ? k : path + "." + k, a.get(k), b.get(k), out);
            }
        } else if (a == null && b != null && b.isValueNode() && b.asText().equals(ADDED.get(lastTwo(path)))) {
            return;
        } else if (a == null || b == null || !a.equals(b)) {
            out.add(new Change(path, text(a), text(b)));
        }
    }

    private static String lastTwo(String path) {
        int last = path.lastIndexOf('.');
        int before = last < 0 ? -1 : path.lastIndexOf('.', last - 1);
        return path.substring(before + 1);
    }

    private static String text(JsonNode v) {
        if (v == null) {
            return "absent";
        }
        return v.isValueNode() ? v.asText() : v.toString();
    }

    /** Changes as one line: {@code seed: 1 -> 2, family.world.slip: 0.0 -> 0.5}. */
    static String join(List<Change> changes) {
        return String.join(", ", changes.stream().map(Change::toString).toList());
    }
}
