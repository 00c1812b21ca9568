package io.github.metarl4j.spark;

import io.github.metarl4j.env.TaskFamily;
import java.io.Serializable;

/**
 * How a Spark executor rebuilds the task family: a serialisable recipe, such as a method reference
 * ({@code (FamilySource) Navigation2D::family}) or a lambda over a family's config record. Families
 * hold environment factories, which are code rather than data, so they are rebuilt where they run
 * instead of shipped.
 */
@FunctionalInterface
public interface FamilySource extends Serializable {

    /** The family; every call gives one that behaves the same. */
    TaskFamily<?, ?, ?> family();
}
