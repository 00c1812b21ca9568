package io.github.metarl4j.spark;

import io.github.metarl4j.env.TaskFamily;
import io.github.metarl4j.experiment.config.FamilyConfig;
import java.io.Serial;

/**
 * The family of an experiment's config, rebuilt on each executor from the config record (the way a
 * run directory's {@code resolved-config.yaml} rebuilds it).
 *
 * @param config the {@code family:} part of the config
 */
public record ConfigFamily(FamilyConfig config) implements FamilySource {

    @Serial
    private static final long serialVersionUID = 1L;

    @Override
    public TaskFamily<?, ?, ?> family() {
        return config.build().family();
    }
}
