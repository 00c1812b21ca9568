package io.github.metarl4j.experiment.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns Jackson's exceptions into messages that name the key path, the bad value and what was expected. */
final class ConfigErrors {

    /** A check across record components names its key first: "policy.hidden: ...". */
    private static final Pattern KEYED = Pattern.compile("([A-Za-z]+(?:\\.[A-Za-z]+)*): (.*)", Pattern.DOTALL);

    private ConfigErrors() {
    }

    /** A YAML syntax error, with its line and column. */
    static String syntax(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        List<String> lines = e.getOriginalMessage().lines().map(String::strip).toList();
        String message = lines.isEmpty() ? "" : lines.get(0);
        if (lines.size() > 1 && lines.get(1).startsWith("found ")) {
            message += ": " + lines.get(1); // SnakeYAML's problem, after its context
        }
        if (message.startsWith("Duplicate field")) {
            message = "repeated key " + message.substring("Duplicate field".length()).strip();
        }
        return "not valid YAML" + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr())
                + ": " + message;
    }

    /** What went wrong, at which dotted key path ({@code world.horizon}). */
    static String describe(JsonMappingException e) {
        String path = path(e);
        if (e instanceof UnrecognizedPropertyException u) {
            List<String> known = u.getKnownPropertyIds().stream().map(Object::toString).sorted().toList();
            return "unknown key '" + path + "'; did you mean '" + nearest(u.getPropertyName(), known)
                    + "'? Valid keys here: " + known;
        }
        if (e instanceof InvalidTypeIdException t) {
            String id = t.getTypeId();
            String typePath = path.isEmpty() ? "type" : path + ".type";
            if (id == null) {
                return "missing required key '" + typePath + "'" + typeChoices(t.getBaseType());
            }
            List<String> ids = typeIds(t.getBaseType());
            if (id.contains(".")) {
                return "key '" + typePath + "': '" + id + "' is not a public record class implementing "
                        + t.getBaseType().getRawClass().getSimpleName() + " on the classpath; built-in types: " + ids;
            }
            return "key '" + typePath + "': unknown type '" + id + "'; did you mean '" + nearest(id, ids)
                    + "'? Valid types: " + ids + ", or the class name of a record implementing "
                    + t.getBaseType().getRawClass().getSimpleName();
        }
        String message = e.getOriginalMessage();
        if (message.startsWith("Missing creator property")) {
            return "missing required key '" + path + "'";
        }
        if (message.startsWith("Null value for creator property") || message.startsWith("Cannot map `null`")) {
            return "key '" + path + "' has no value";
        }
        if (e instanceof ValueInstantiationException v && e.getCause() != null) {
            String cause = e.getCause().getMessage();
            Matcher keyed = KEYED.matcher(cause == null ? "" : cause);
            if (keyed.matches() && !qualify(path, v.getType(), keyed.group(1).split("\\.")[0]).equals(path)) {
                return "key '" + (path.isEmpty() ? "" : path + ".") + keyed.group(1) + "': " + keyed.group(2);
            }
            return "key '" + qualify(path, v.getType(), cause) + "': " + cause;
        }
        if (e instanceof InvalidFormatException f) {
            Throwable cause = f.getCause();
            if (cause instanceof IllegalArgumentException && cause.getMessage() != null) {
                return "key '" + path + "': " + cause.getMessage();
            }
            return "key '" + path + "': expected " + expected(f.getTargetType()) + ", got " + quote(f.getValue());
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return "key '" + path + "': expected " + expected(m.getTargetType()) + ", got " + current(m);
        }
        if (e.getCause() instanceof InputCoercionException c) {
            boolean isInt = c.getTargetType() == Integer.TYPE || c.getTargetType() == Integer.class;
            return "key '" + path + "': expected an integer between " + (isInt ? Integer.MIN_VALUE : Long.MIN_VALUE)
                    + " and " + (isInt ? Integer.MAX_VALUE : Long.MAX_VALUE) + ", got " + text(c.getProcessor());
        }
        return "key '" + path + "': " + message.lines().findFirst().orElse(message);
    }

    /** "a mapping", "a list", "a number", ... for a parsed YAML node. */
    static String kind(JsonNode node) {
        if (node.isObject()) {
            return "a mapping";
        }
        if (node.isArray()) {
            return "a list";
        }
        return node.isNull() ? "no value" : quote(node.asText());
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("");
    }

    /**
     * A record's own check names the component it rejects first ("slip must be in [0, 1]"); the
     * path then ends at that component.
     */
    private static String qualify(String path, JavaType type, String message) {
        if (message == null || type == null || !type.getRawClass().isRecord()) {
            return path;
        }
        String first = message.split("[ ,]", 2)[0];
        boolean component = Arrays.stream(type.getRawClass().getRecordComponents())
                .anyMatch(c -> c.getName().equals(first));
        return component ? (path.isEmpty() ? first : path + "." + first) : path;
    }

    private static String expected(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "an integer";
        }
        if (type == double.class || type == Double.class || type == float.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "text";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (type.isRecord()) {
            return "a mapping with keys " + Arrays.stream(type.getRecordComponents()).map(c -> c.getName()).toList();
        }
        return "text (a " + type.getSimpleName() + ")";
    }

    private static String text(Object processor) {
        try {
            return processor instanceof JsonParser p ? p.getText() : "?";
        } catch (IOException e) {
            return "?";
        }
    }

    private static String current(MismatchedInputException m) {
        if (m.getProcessor() instanceof JsonParser p) {
            try {
                if (p.currentToken() == null) {
                    return "nothing";
                }
                return switch (p.currentToken()) {
                    case START_OBJECT, FIELD_NAME -> "a mapping";
                    case START_ARRAY -> "a list";
                    case VALUE_NULL -> "no value";
                    case VALUE_STRING -> quote(p.getText());
                    default -> p.getText();
                };
            } catch (IOException ignored) {
                return "something else";
            }
        }
        return "something else";
    }

    private static String quote(Object value) {
        return value instanceof String s ? "'" + s + "'" : String.valueOf(value);
    }

    private static List<String> typeIds(JavaType base) {
        return base == null ? List.of() : TypeNames.builtIn(base.getRawClass());
    }

    private static String typeChoices(JavaType base) {
        List<String> ids = typeIds(base);
        return ids.isEmpty() ? "" : "; one of " + ids;
    }

    /**
     * The candidate that {@code name} most likely meant: the nearest by edit distance ignoring case,
     * where one that {@code name} begins or that begins it counts as at most 2 edits away.
     */
    static String nearest(String name, Collection<String> candidates) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        return candidates.stream().min(Comparator.<String>comparingInt(k -> {
            String key = k.toLowerCase(java.util.Locale.ROOT);
            boolean prefix = !lower.isEmpty() && (key.startsWith(lower) || lower.startsWith(key));
            return prefix ? Math.min(2, editDistance(k, name)) : editDistance(k, name);
        })).orElse("?");
    }

    private static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int[] cur = new int[b.length() + 1];
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (Character.toLowerCase(a.charAt(i - 1)) == Character.toLowerCase(b.charAt(j - 1)) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j], cur[j - 1]) + 1);
            }
            prev = cur;
        }
        return prev[b.length()];
    }
}
