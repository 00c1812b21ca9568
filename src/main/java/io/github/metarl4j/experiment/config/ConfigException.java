package io.github.metarl4j.experiment.config;

/**
 * A config that cannot be used: its message names the file, the dotted key path and the bad value
 * or what was expected. The command-line tool exits with status 2 on it.
 */
public final class ConfigException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message the whole message, beginning with {@code config FILE: }
     * @param cause   the parser's or the record's exception it comes from, or null
     */
    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
