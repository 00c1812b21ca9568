package io.github.metarl4j.algo;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A quantity a learner reports every meta-batch: one column of a run's metrics, declared by the
 * learner ({@link MetaLearner#metrics()}) and reported by name ({@link MetaStepReport}). Every
 * learner reports {@link #REQUIRED}, which the run machinery reads (progress lines, the report's
 * training curves, budgets); a learner adds the columns of its own outer step.
 *
 * @param name    the column's name, {@code snake_case}
 * @param kind    how its values are written: real numbers, integers or flags
 * @param unit    its unit ("return", "loss", "nats", "steps", "s", or "" for a count or flag)
 * @param guarded whether a NaN or infinite value stops the run before the batch is written
 * @param meaning one line on what it is
 */
public record Metric(String name, Kind kind, String unit, boolean guarded, String meaning) {

    /** How a metric's values are written. */
    public enum Kind {
        /** A double, written as the shortest text that reads back to the same value. */
        REAL,
        /** A whole number, written without a fraction. */
        INTEGER,
        /** 1 or 0, written {@code true} or {@code false}. */
        FLAG
    }

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    /** Mean undiscounted episode return before adaptation (MAML: the train episodes). */
    public static final Metric RETURN_BEFORE = new Metric("return_before", Kind.REAL, "return", false,
            "mean episode return before adaptation");
    /** Mean return after adaptation (a learner without adaptation reports its one return twice). */
    public static final Metric RETURN_AFTER = new Metric("return_after", Kind.REAL, "return", false,
            "mean episode return after adaptation");
    /** Environment steps sampled in the meta-batch. */
    public static final Metric ENV_STEPS = new Metric("env_steps", Kind.INTEGER, "steps", false,
            "environment steps sampled");
    /** Wall time spent sampling. */
    public static final Metric SAMPLING_S = new Metric("sampling_s", Kind.REAL, "s", false, "wall time sampling");
    /** Wall time spent on advantages and adaptation. */
    public static final Metric ADAPTATION_S = new Metric("adaptation_s", Kind.REAL, "s", false,
            "wall time on advantages and adaptation");
    /** Wall time spent in the outer step. */
    public static final Metric OUTER_S = new Metric("outer_s", Kind.REAL, "s", false, "wall time in the outer step");
    /** The outer objective (a loss to minimise) at the old meta-parameters. */
    public static final Metric OBJECTIVE_BEFORE = new Metric("objective_before", Kind.REAL, "loss", true,
            "outer objective at the old meta-parameters");
    /** The outer objective at the new meta-parameters. */
    public static final Metric OBJECTIVE_AFTER = new Metric("objective_after", Kind.REAL, "loss", true,
            "outer objective at the new meta-parameters");
    /** The mean KL from the sampling policies to the new ones. */
    public static final Metric KL = new Metric("kl", Kind.REAL, "nats", true,
            "mean KL from the sampling policies to the new ones");
    /** The norm of the outer objective's gradient at the old meta-parameters. */
    public static final Metric GRADIENT_NORM = new Metric("gradient_norm", Kind.REAL, "", true,
            "Euclidean norm of the outer objective's gradient");
    /** Whether the meta-parameters changed (a TRPO step can be refused). */
    public static final Metric ACCEPTED = new Metric("accepted", Kind.FLAG, "", false,
            "whether the meta-parameters changed");
    /** Line-search backtracks (0 where there is no line search). */
    public static final Metric BACKTRACKS = new Metric("backtracks", Kind.INTEGER, "", false, "line-search backtracks");

    /** What every learner reports. */
    public static final List<Metric> REQUIRED = List.of(RETURN_BEFORE, RETURN_AFTER, ENV_STEPS, SAMPLING_S,
            ADAPTATION_S, OUTER_S);

    /** The columns of a policy-gradient outer step (TRPO or PPO), in the order a run's metrics file holds them. */
    public static final List<Metric> POLICY_GRADIENT = List.of(RETURN_BEFORE, RETURN_AFTER, OBJECTIVE_BEFORE,
            OBJECTIVE_AFTER, KL, GRADIENT_NORM, ACCEPTED, BACKTRACKS, ENV_STEPS, SAMPLING_S, ADAPTATION_S, OUTER_S);

    /**
     * Checks the arguments and holds them:
     *
     * @param name    the column's name, {@code snake_case}
     * @param kind    how its values are written
     * @param unit    its unit, or ""
     * @param guarded whether a non-finite value stops the run
     * @param meaning one line on what it is
     */
    public Metric {
        if (name == null || !NAME.matcher(name).matches() || name.equals("batch")) {
            throw new IllegalArgumentException("metric name must be snake_case and not 'batch', got '" + name + "'");
        }
        if (kind == null || unit == null || meaning == null) {
            throw new IllegalArgumentException("metric " + name + " needs a kind, a unit and a meaning");
        }
    }

    /** {@code value} as this metric writes it in a CSV row. */
    public String format(double value) {
        return switch (kind) {
            case REAL -> String.valueOf(value); // the shortest text that reads back to the same value
            case INTEGER -> String.valueOf((long) value);
            case FLAG -> String.valueOf(value != 0);
        };
    }
}
