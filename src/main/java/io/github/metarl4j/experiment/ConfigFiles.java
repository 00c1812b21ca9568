package io.github.metarl4j.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads YAML config files into the library's validated config records (Jackson reads records
 * through their canonical constructors, so a record's own checks run on every load) and
 * writes records back as YAML. Every key is required and unknown keys are errors.
 */
public final class ConfigFiles {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE))
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ConfigFiles() {
    }

    /**
     * Reads {@code file} into a {@code type} record.
     *
     * @throws IllegalArgumentException naming the file, the dotted key path and what is wrong:
     *                                  a missing key, an unknown key (with the nearest valid one), or
     *                                  the record's own validation message
     */
    public static <T> T read(Path file, Class<T> type) {
        try {
            return YAML.readValue(Files.readString(file), type);
        } catch (JsonMappingException e) {
            throw new IllegalArgumentException("config " + file + ": " + describe(e), e);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("config " + file + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read config " + file, e);
        }
    }

    /** What went wrong, at which dotted key path ({@code world.horizon}). */
    static String describe(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("");
        if (e instanceof UnrecognizedPropertyException u) {
            String nearest = u.getKnownPropertyIds().stream().map(Object::toString)
                    .min(java.util.Comparator.comparingInt(k -> editDistance(k, u.getPropertyName())))
                    .orElse("?");
            return "unknown key '" + path + "'; did you mean '" + nearest + "'? Valid keys here: "
                    + u.getKnownPropertyIds().stream().map(Object::toString).sorted().toList();
        }
        String message = e.getOriginalMessage();
        if (message.startsWith("Missing creator property") || message.startsWith("Null value for creator property")) {
            return "missing required key '" + path + "'";
        }
        Throwable cause = e instanceof ValueInstantiationException && e.getCause() != null ? e.getCause() : null;
        return "key '" + path + "': " + (cause != null ? cause.getMessage() : message);
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

    /** A record as YAML text; {@link #read} of it gives an equal record. */
    public static String toYaml(Object config) {
        try {
            return YAML.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + config.getClass().getSimpleName() + " as YAML", e);
        }
    }

    /** Reads YAML text, for round-trip checks and configs held in memory. */
    public static <T> T fromYaml(String yaml, Class<T> type) {
        try {
            return YAML.readValue(yaml, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("config: " + e.getOriginalMessage(), e);
        }
    }
}
