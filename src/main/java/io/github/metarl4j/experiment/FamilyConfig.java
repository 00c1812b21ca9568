package io.github.metarl4j.experiment;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Which task family an experiment trains and evaluates on, chosen in YAML by its {@code type}:
 * {@code gridworld} ({@link GridWorldFamily}), {@code navigation} ({@link NavigationFamily}),
 * {@code bandit} ({@link BanditFamily}), {@code tabular} ({@link TabularFamily}) or {@code class}
 * ({@link ClassFamily}, a family a user wrote).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = GridWorldFamily.class, name = "gridworld"),
    @JsonSubTypes.Type(value = NavigationFamily.class, name = "navigation"),
    @JsonSubTypes.Type(value = BanditFamily.class, name = "bandit"),
    @JsonSubTypes.Type(value = TabularFamily.class, name = "tabular"),
    @JsonSubTypes.Type(value = ClassFamily.class, name = "class")
})
public sealed interface FamilyConfig permits GridWorldFamily, NavigationFamily, BanditFamily, TabularFamily,
        ClassFamily {

    /** The family and its oracle, if it has one. */
    FamilySetup<?, ?, ?> build();
}
