package io.github.metarl4j.experiment.config;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.DatabindContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.jsontype.impl.TypeIdResolverBase;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The open registry of the config's {@code type} keys: a built-in family, learner or policy by its
 * short name ({@code gridworld}, {@code maml}, {@code gru}), or any record class implementing
 * {@link FamilyConfig}, {@link LearnerConfig}, {@link PolicyConfig} or {@link DataConfig} by its binary name ({@code type: org.example.MyFamilyConfig}), whose
 * components are then the keys beside {@code type}. A user's family or learner is named in YAML
 * without editing the library; written back, a built-in keeps its short name and any other its class name.
 */
public final class TypeNames extends TypeIdResolverBase {

    private static final Map<Class<?>, Map<String, Class<?>>> BUILT_IN = Map.of(
            FamilyConfig.class, Map.of("gridworld", GridWorldFamily.class, "navigation", NavigationFamily.class,
                    "bandit", BanditFamily.class, "tabular", TabularFamily.class, "class", ClassFamily.class),
            LearnerConfig.class, Map.of("maml", MamlLearner.class, "rl2", Rl2Learner.class, "bc", BcLearner.class,
                    "cql", CqlLearner.class, "pvi", PviLearner.class),
            DataConfig.class, Map.of("collect", CollectedData.class, "file", FileData.class),
            PolicyConfig.class, Map.of("categorical", CategoricalPolicyConfig.class, "gaussian",
                    GaussianPolicyConfig.class, "gru", GruPolicyConfig.class));

    private JavaType base;

    /** The resolver Jackson creates for {@link FamilyConfig}, {@link LearnerConfig}, {@link PolicyConfig} and {@link DataConfig}. */
    public TypeNames() {
    }

    @Override
    public void init(JavaType baseType) {
        this.base = baseType;
    }

    @Override
    public JsonTypeInfo.Id getMechanism() {
        return JsonTypeInfo.Id.CUSTOM;
    }

    @Override
    public String idFromValue(Object value) {
        return idFromValueAndType(value, value.getClass());
    }

    @Override
    public String idFromValueAndType(Object value, Class<?> type) {
        return BUILT_IN.getOrDefault(base.getRawClass(), Map.of()).entrySet().stream()
                .filter(e -> e.getValue().equals(type)).map(Map.Entry::getKey).findFirst().orElse(type.getName());
    }

    @Override
    public JavaType typeFromId(DatabindContext context, String id) {
        return resolve(base.getRawClass(), id).map(context::constructType).orElse(null);
    }

    @Override
    public String getDescForKnownTypeIds() {
        return String.valueOf(builtIn(base.getRawClass()));
    }

    /** The YAML name of {@code value}'s type under {@code base}: its short name, or its class name. */
    static String nameOf(Class<?> base, Object value) {
        return BUILT_IN.getOrDefault(base, Map.of()).entrySet().stream().filter(e -> e.getValue().equals(
                value.getClass())).map(Map.Entry::getKey).findFirst().orElse(value.getClass().getName());
    }

    /** The built-in short names of {@code base}'s types, sorted. */
    static List<String> builtIn(Class<?> base) {
        return BUILT_IN.getOrDefault(base, Map.of()).keySet().stream().sorted().toList();
    }

    /**
     * The record class {@code id} names for {@code base}: a built-in short name, or the binary name of
     * a concrete record implementing {@code base}; empty if it names neither.
     */
    static Optional<Class<?>> resolve(Class<?> base, String id) {
        Class<?> builtIn = BUILT_IN.getOrDefault(base, Map.of()).get(id);
        if (builtIn != null) {
            return Optional.of(builtIn);
        }
        if (id == null || !id.contains(".")) {
            return Optional.empty();
        }
        try {
            Class<?> type = Class.forName(id);
            boolean usable = base.isAssignableFrom(type) && type.isRecord() && Modifier.isPublic(type.getModifiers());
            return usable ? Optional.of(type) : Optional.empty();
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }
}
