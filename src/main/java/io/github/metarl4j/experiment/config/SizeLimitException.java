package io.github.metarl4j.experiment.config;

/**
 * A config's sizes exceed the memory the JVM may use ({@link ResourceBounds}); the message names
 * the key, its value and the bound.
 */
public final class SizeLimitException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** @param message the key, its value, the memory it needs and the bound */
    public SizeLimitException(String message) {
        super(message);
    }
}
