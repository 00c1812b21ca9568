package io.github.metarl4j.run;

/**
 * A meta-step produced a NaN or infinite loss, gradient, KL or parameter. The run stops before writing that
 * batch's metrics or checkpoint, so the last good checkpoint is intact.
 */
public final class NonFiniteValueException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long batch;
    private final String quantity;

    /**
     * @param batch    the 0-based meta-batch whose step produced the value
     * @param quantity what was not finite ("objective", "gradient", "kl", "parameters")
     * @param detail   the value or values ("norm NaN", "parameter 12 is Infinity")
     */
    public NonFiniteValueException(long batch, String quantity, String detail) {
        super("meta-batch " + batch + ": " + quantity + " is not finite (" + detail + "); the run stops and the last "
                + "good checkpoint is kept");
        this.batch = batch;
        this.quantity = quantity;
    }

    /** The 0-based meta-batch that produced the value. */
    public long batch() {
        return batch;
    }

    /** Which quantity: objective, gradient, kl, parameters. */
    public String quantity() {
        return quantity;
    }
}
