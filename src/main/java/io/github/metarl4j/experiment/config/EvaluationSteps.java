package io.github.metarl4j.experiment.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.OptionalInt;

/**
 * How far an adaptation curve runs ({@code evaluation.steps}): a number K of adaptation steps
 * ({@code k = 0..K}) for a learner that adapts by updates, or {@code trial} for an in-context
 * learner, whose curve covers the episodes of its own trial ({@code learner.rl2.episodesPerTrial}),
 * so the trial length is written once.
 *
 * @param count K, when given as a number; empty for {@code trial}
 */
public record EvaluationSteps(OptionalInt count) {

    /** The YAML word for "the learner's trial". */
    public static final String TRIAL = "trial";

    /**
     * Checks the argument and holds it:
     *
     * @param count K >= 0, or empty for {@code trial}
     */
    public EvaluationSteps {
        if (count == null || (count.isPresent() && count.getAsInt() < 0)) {
            throw new IllegalArgumentException("steps must be >= 0, got " + (count == null ? "null" : count.getAsInt()));
        }
    }

    /** K adaptation steps. */
    public static EvaluationSteps of(int k) {
        return new EvaluationSteps(OptionalInt.of(k));
    }

    /** The learner's trial. */
    public static EvaluationSteps trial() {
        return new EvaluationSteps(OptionalInt.empty());
    }

    /**
     * Reads {@code steps: K} or {@code steps: trial}.
     *
     * @throws IllegalArgumentException naming what was expected otherwise
     */
    @JsonCreator
    public static EvaluationSteps fromYaml(JsonNode node) {
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            return of(node.intValue());
        }
        if (node.isTextual() && node.textValue().equals(TRIAL)) {
            return trial();
        }
        throw new IllegalArgumentException("steps must be a whole number K >= 0 or '" + TRIAL + "' (an in-context "
                + "learner's trial), got " + (node.isTextual() ? "'" + node.textValue() + "'" : node.toString()));
    }

    /** What YAML holds: the number K or {@code trial}. */
    @JsonValue
    public Object toYaml() {
        return count.isPresent() ? (Object) count.getAsInt() : TRIAL;
    }

    /**
     * K for a learner with trials of {@code trialEpisodes} episodes (empty for a learner that adapts by
     * updates): the given number, or the trial's episodes less one.
     *
     * @throws IllegalArgumentException naming the key when the form does not fit the learner
     */
    public int resolve(OptionalInt trialEpisodes, String learner) {
        if (trialEpisodes.isPresent() && count.isPresent()) {
            throw new IllegalArgumentException("evaluation.steps: " + learner + " adapts in context, and its curve "
                    + "covers its trial of " + trialEpisodes.getAsInt() + " episodes; write steps: " + TRIAL
                    + ", got " + count.getAsInt());
        }
        if (trialEpisodes.isEmpty() && count.isEmpty()) {
            throw new IllegalArgumentException("evaluation.steps: " + learner + " adapts by updates and has no trial; "
                    + "give the number of adaptation steps K, got " + TRIAL);
        }
        return count.isPresent() ? count.getAsInt() : trialEpisodes.getAsInt() - 1;
    }

    @Override
    public String toString() {
        return String.valueOf(toYaml());
    }
}
