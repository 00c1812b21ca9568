package io.github.metarl4j.experiment.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads YAML config files into the library's validated config records (Jackson reads records
 * through their canonical constructors, so a record's own checks run on every load) and writes
 * records back as YAML. Every key is required; unknown or repeated keys, numbers where text is
 * expected and the reverse, and fractions where integers are expected are errors.
 *
 * <p>Every error is a {@link ConfigException} whose message names the file, the dotted key path
 * ({@code learner.maml.trpo.maxKl}) and the bad value or what was expected.
 */
public final class ConfigFiles {

    /** The largest config file read, in bytes. */
    public static final int MAX_BYTES = 1 << 20;

    private static final ObjectMapper YAML = JsonMapper.builder((YAMLFactory) new StrictYaml()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .disable(YAMLGenerator.Feature.USE_NATIVE_TYPE_ID))
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    private ConfigFiles() {
    }

    /** Reads {@code file} into a {@code type} record. */
    public static <T> T read(Path file, Class<T> type) {
        return read(file, type, List.of());
    }

    /**
     * Reads {@code file} into a {@code type} record after applying {@code overrides}, each
     * {@code key.path=value} with the value written as YAML ({@code run.metaBatches=200},
     * {@code policy.hidden=[32, 32]}); the key must exist in the file.
     *
     * @throws ConfigException naming the file, the key path and what is wrong
     */
    public static <T> T read(Path file, Class<T> type, List<String> overrides) {
        String where = "config " + file;
        String text = text(where, file);
        return parse(where, text, type, overrides);
    }

    /**
     * The text of a config file: at most {@link #MAX_BYTES} bytes of UTF-8 without control
     * characters other than tab, newline and carriage return.
     *
     * @throws ConfigException naming the file and why it is not a config's text
     */
    static String text(String where, Path file) {
        if (Files.isDirectory(file)) {
            throw new ConfigException(where + ": is a directory; expected a YAML file", null);
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw new ConfigException(where + ": no such file", e);
        } catch (AccessDeniedException e) {
            throw new ConfigException(where + ": permission denied", e);
        } catch (IOException e) {
            throw new ConfigException(where + ": cannot be read (" + e.getMessage() + ")", e);
        }
        if (bytes.length > MAX_BYTES) {
            throw new ConfigException(where + ": larger than " + MAX_BYTES / 1024 + " KiB; a config is a short YAML "
                    + "text", null);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ConfigException(where + ": not UTF-8 text (" + firstInvalid(bytes) + "); expected a YAML file",
                    e);
        }
        for (int i = 0, line = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
            } else if (Character.isISOControl(c) && c != '\t' && c != '\r' || c == '\uFFFE' || c == '\uFFFF') {
                throw new ConfigException(String.format(java.util.Locale.ROOT, "%s: holds a control character "
                        + "(U+%04X) on line %d; expected YAML text, not binary data", where, (int) c, line), null);
            }
        }
        return text;
    }

    /** Where the first byte that is not UTF-8 is. */
    private static String firstInvalid(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
        decoder.decode(in, out, true);
        int at = in.position();
        return String.format(java.util.Locale.ROOT, "byte 0x%02X at offset %d", bytes[at] & 0xFF, at);
    }

    /** Reads YAML text, for round-trip checks and configs held in memory. */
    public static <T> T fromYaml(String yaml, Class<T> type) {
        return parse("config", yaml, type, List.of());
    }

    private static <T> T parse(String where, String text, Class<T> type, List<String> overrides) {
        JsonNode tree;
        try {
            tree = singleDocument(text);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(where + ": " + e.getMessage(), e);
        } catch (JsonProcessingException e) {
            throw new ConfigException(where + ": " + ConfigErrors.syntax(e), e);
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            throw new ConfigException(where + ": the file is empty; expected a mapping of keys to values", null);
        }
        if (!(tree instanceof ObjectNode root)) {
            throw new ConfigException(where + ": expected a mapping of keys to values at the top, got "
                    + ConfigErrors.kind(tree), null);
        }
        if (type == ExperimentConfig.class) {
            ExperimentConfig.fillDefaults(root);
        }
        for (String override : overrides) {
            try {
                ConfigOverrides.apply(root, override);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(where + ": --set " + ConfigOverrides.shown(override) + ": " + e.getMessage(), e);
            }
        }
        try {
            ConfigKeys.check(root, type, "");
        } catch (IllegalArgumentException e) {
            throw new ConfigException(where + ": " + e.getMessage(), e);
        }
        try {
            return YAML.treeToValue(root, type);
        } catch (JsonMappingException e) {
            throw new ConfigException(where + ": " + ConfigErrors.describe(e), e);
        } catch (JsonProcessingException e) {
            throw new ConfigException(where + ": " + e.getOriginalMessage(), e);
        }
    }

    /**
     * The one YAML document of {@code text} as a tree (null if there is none).
     *
     * @throws IllegalArgumentException if a second document follows the first
     */
    static JsonNode singleDocument(String text) throws JsonProcessingException {
        try (JsonParser p = YAML.createParser(text)) {
            JsonNode tree = YAML.readTree(p);
            if (tree != null && p.nextToken() != null) {
                throw new IllegalArgumentException("a second YAML document starts at line "
                        + p.currentTokenLocation().getLineNr() + "; a config is one document (remove the '---' "
                        + "and what follows, or merge it into the first)");
            }
            return tree;
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A record as YAML text; {@link #fromYaml} of it gives an equal record. */
    public static String toYaml(Object config) {
        try {
            return YAML.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + config.getClass().getSimpleName() + " as YAML", e);
        }
    }

    /**
     * The YAML {@code text} as a tree, read by the same strict parser as config files (for comparing
     * two configs key by key).
     *
     * @throws IllegalArgumentException if it is not valid YAML
     */
    public static JsonNode tree(String text) {
        try {
            return YAML.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid YAML: " + e.getOriginalMessage(), e);
        }
    }
}
