package io.github.metarl4j.run;

/** A run directory is held by another process (or another session of this one); see {@link RunLock}. */
public final class RunInUseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message names the directory and its holder */
    public RunInUseException(String message) {
        super(message);
    }
}
