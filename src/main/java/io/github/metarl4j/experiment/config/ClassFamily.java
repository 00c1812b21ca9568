package io.github.metarl4j.experiment.config;

import io.github.metarl4j.env.TaskFamily;
import java.lang.reflect.InvocationTargetException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A family a user wrote ({@code type: class}): the named class must be on the classpath, have a
 * public no-argument constructor and implement {@code Supplier<TaskFamily<?, ?, ?>>}. The same
 * class is what {@code metarl4j check-env} checks. It has no oracle.
 *
 * @param name the class's binary name ({@code com.example.MyFamily})
 */
public record ClassFamily(String name) implements FamilyConfig {

    /**
     * Checks the arguments and holds them:
     *
     * @param name the class's binary name ({@code com.example.MyFamily})
     */
    public ClassFamily {
        supplierClass(name);
    }

    @Override
    public FamilySetup<?, ?, ?> build() {
        return new FamilySetup<>(load(name), Optional.empty());
    }

    /**
     * The family supplied by class {@code name}.
     *
     * @throws IllegalArgumentException naming the class and what is wrong with it
     */
    public static TaskFamily<?, ?, ?> load(String name) {
        Class<?> type = supplierClass(name);
        Object supplied;
        try {
            supplied = ((Supplier<?>) type.getConstructor().newInstance()).get();
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalArgumentException("class '" + name + "' needs a public no-argument constructor", e);
        } catch (InstantiationException e) {
            throw new IllegalArgumentException("class '" + name + "' cannot be instantiated (abstract?)", e);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException("class '" + name + "' failed to construct: " + e.getCause(), e.getCause());
        }
        if (!(supplied instanceof TaskFamily<?, ?, ?> family)) {
            throw new IllegalArgumentException("class '" + name + "' supplied "
                    + (supplied == null ? "null" : "a " + supplied.getClass().getName()) + ", expected a TaskFamily");
        }
        return family;
    }

    private static Class<?> supplierClass(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must be a class name, got '" + name + "'");
        }
        Class<?> type;
        try {
            type = Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("name '" + name + "' is not a class on the classpath", e);
        }
        if (!Supplier.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException("name '" + name + "' must implement Supplier<TaskFamily<?, ?, ?>>");
        }
        return type;
    }
}
