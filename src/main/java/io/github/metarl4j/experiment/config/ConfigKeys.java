package io.github.metarl4j.experiment.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonTypeIdResolver;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * Finds the first key of a parsed config that its record does not have, walking the tree beside
 * the record types (nested records, lists of them, and open types chosen by their {@code type}
 * key, {@link TypeNames}), so that a misspelt key is reported as unknown, with the nearest valid name, rather than as
 * the missing key it was meant to be.
 */
final class ConfigKeys {

    private ConfigKeys() {
    }

    /** Throws an {@link IllegalArgumentException} naming the first unknown key under {@code node}. */
    static void check(JsonNode node, Type type, String path) {
        Class<?> raw = raw(type);
        if (raw == null || node == null) {
            return;
        }
        if (List.class.isAssignableFrom(raw) && node.isArray() && type instanceof ParameterizedType p) {
            for (int i = 0; i < node.size(); i++) {
                check(node.get(i), p.getActualTypeArguments()[0], path + "[" + i + "]");
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        boolean typed = raw.isAnnotationPresent(JsonTypeIdResolver.class);
        if (typed) {
            JsonNode id = node.get("type");
            raw = id == null ? null : TypeNames.resolve(raw, id.asText()).orElse(null);
            if (raw == null) {
                return; // a missing or unknown type is reported when the record is read
            }
        }
        if (!raw.isRecord()) {
            return;
        }
        List<String> keys = new ArrayList<>(Arrays.stream(raw.getRecordComponents()).map(RecordComponent::getName).toList());
        if (typed) {
            keys.add("type");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            String at = path.isEmpty() ? name : path + "." + name;
            if (!keys.contains(name)) {
                throw new IllegalArgumentException("unknown key '" + at + "'; did you mean '"
                        + ConfigErrors.nearest(name, keys) + "'? Valid keys here: " + keys.stream().sorted().toList());
            }
        }
        for (RecordComponent c : raw.getRecordComponents()) {
            check(node.get(c.getName()), c.getGenericType(), path.isEmpty() ? c.getName() : path + "." + c.getName());
        }
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        return type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c ? c : null;
    }
}
