package io.github.metarl4j.experiment.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies a command-line override {@code key.path=value} to a parsed config: the key must already
 * exist (so a typo is an error, with the nearest existing key), and the value is read as YAML, so
 * {@code 200}, {@code 0.5}, {@code true}, {@code PPO} and {@code [32, 32]} keep their types.
 */
final class ConfigOverrides {

    private ConfigOverrides() {
    }

    /** Sets the key of {@code override} in {@code root}; an {@link IllegalArgumentException} says why not. */
    static void apply(ObjectNode root, String override) {
        int eq = override.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("expected key.path=value, got '" + shown(override) + "'");
        }
        String[] keys = override.substring(0, eq).strip().split("\\.", -1);
        ObjectNode node = root;
        StringBuilder at = new StringBuilder();
        for (int i = 0; i < keys.length; i++) {
            String key = keys[i];
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            if (!node.has(key)) {
                throw new IllegalArgumentException("no key '" + key + "'" + (at.length() == 0 ? " at the top" : " under '"
                        + at + "'") + "; did you mean '" + ConfigErrors.nearest(key, names) + "'? Keys there: "
                        + names.stream().sorted().toList());
            }
            at.append(at.length() == 0 ? "" : ".").append(key);
            if (i == keys.length - 1) {
                node.set(key, value(override.substring(eq + 1)));
            } else if (node.get(key) instanceof ObjectNode child) {
                node = child;
            } else {
                throw new IllegalArgumentException("'" + at + "' holds a value, not a mapping of keys");
            }
        }
    }

    /** {@code text} on one line: line breaks written as backslash-n. */
    static String shown(String text) {
        return text.replace("\r", "\\r").replace("\n", "\\n");
    }

    private static JsonNode value(String text) {
        if (text.isBlank()) {
            return NullNode.getInstance();
        }
        try {
            JsonNode v = ConfigFiles.singleDocument(text);
            return v == null ? NullNode.getInstance() : v;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the value '" + shown(text) + "': " + e.getMessage(), e);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the value '" + text + "' is not valid YAML: "
                    + e.getOriginalMessage().lines().findFirst().orElse(""), e);
        }
    }
}
