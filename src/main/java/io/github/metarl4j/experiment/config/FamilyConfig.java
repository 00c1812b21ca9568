package io.github.metarl4j.experiment.config;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.annotation.JsonTypeIdResolver;

/**
 * Which task family an experiment trains and evaluates on, chosen in YAML by its {@code type}
 * ({@link TypeNames}): {@code gridworld} ({@link GridWorldFamily}), {@code navigation}
 * ({@link NavigationFamily}), {@code bandit} ({@link BanditFamily}), {@code tabular}
 * ({@link TabularFamily}), {@code class} ({@link ClassFamily}: a no-argument supplier of a family
 * a user wrote), or the class name of a user's record implementing this interface, whose
 * components are its YAML keys ({@code type: org.example.MazeFamily} with {@code size: 9}).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.CUSTOM, property = "type")
@JsonTypeIdResolver(TypeNames.class)
public interface FamilyConfig extends java.io.Serializable {

    /** The family and its oracle, if it has one. */
    FamilySetup<?, ?, ?> build();
}
