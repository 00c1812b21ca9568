package io.github.metarl4j.experiment.config;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.annotation.JsonTypeIdResolver;
import io.github.metarl4j.env.EnvSpec;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The policy network of an experiment, chosen in YAML by its {@code type} ({@link TypeNames}), each
 * kind with only its own keys: {@code categorical} ({@link CategoricalPolicyConfig}) and
 * {@code gaussian} ({@link GaussianPolicyConfig}) MLPs for learners that adapt by updates (MAML),
 * {@code gru} ({@link GruPolicyConfig}) for in-context learners (RL^2), or the class name of a
 * user's record implementing {@link EpisodePolicyConfig} or {@link SequencePolicyConfig}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.CUSTOM, property = "type")
@JsonTypeIdResolver(TypeNames.class)
public interface PolicyConfig {

    /** The arithmetic of the policy's arrays. */
    enum Precision {
        /** 32-bit floats: the training default. */
        FLOAT,
        /** 64-bit doubles. */
        DOUBLE
    }

    /** FLOAT or DOUBLE. */
    Precision dataType();

    /** The widths of the hidden layers, for the memory bound ({@link ResourceBounds}). */
    List<Integer> widths();

    /**
     * Throws an {@link IllegalArgumentException} naming the key when this policy cannot act in a family
     * with {@code spec} (a categorical policy on continuous actions).
     */
    void checkFamily(EnvSpec<?, ?> spec);

    /** The ND4J type of the policy's arrays. */
    default DataType arrays() {
        return dataType() == Precision.FLOAT ? DataType.FLOAT : DataType.DOUBLE;
    }

    /** Checks the widths of hidden layers, each >= 1, at least one, and returns a copy. */
    static List<Integer> checkedWidths(List<Integer> hidden) {
        if (hidden == null || hidden.isEmpty() || hidden.stream().anyMatch(h -> h == null || h < 1)) {
            throw new IllegalArgumentException("hidden must be a non-empty list of widths >= 1, got " + hidden);
        }
        return List.copyOf(hidden);
    }

    /** Checks that {@code value} is given, naming {@code key} and the choices otherwise. */
    static <E extends Enum<E>> void checkGiven(E value, String key, E[] choices) {
        if (value == null) {
            throw new IllegalArgumentException(key + " must be one of " + java.util.Arrays.toString(choices));
        }
    }
}
