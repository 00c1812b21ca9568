package io.github.metarl4j.cli;

import io.github.metarl4j.algo.Experience;
import io.github.metarl4j.algo.MetaLearner;
import io.github.metarl4j.algo.maml.MamlConfig;
import io.github.metarl4j.env.EnvSpec;
import io.github.metarl4j.experiment.config.LearnerConfig;
import io.github.metarl4j.experiment.config.MamlLearner;
import io.github.metarl4j.experiment.config.PolicyConfig;
import io.github.metarl4j.random.SeedTree;
import java.util.OptionalInt;

/**
 * A learner config a user writes outside the library: MAML under a name of the user's choosing
 * ({@code type: io.github.metarl4j.cli.LabelledMaml}, {@code label: my-maml} and MAML's settings).
 *
 * @param label the learner's name in logs and tables
 * @param maml  MAML's settings
 */
public record LabelledMaml(String label, MamlConfig maml) implements LearnerConfig {

    /**
     * Checks the arguments and holds them:
     *
     * @param label the learner's name, letters, digits and '-'
     * @param maml  MAML's settings
     */
    public LabelledMaml {
        if (label == null || !label.matches("[A-Za-z0-9-]+")) {
            throw new IllegalArgumentException("label must be letters, digits or '-', got '" + label + "'");
        }
    }

    private MamlLearner delegate() {
        return new MamlLearner(maml);
    }

    @Override
    public String name() {
        return label;
    }

    @Override
    public int metaBatch() {
        return maml.metaBatch();
    }

    @Override
    public OptionalInt trialEpisodes() {
        return delegate().trialEpisodes();
    }

    @Override
    public boolean hasPretrained() {
        return delegate().hasPretrained();
    }

    @Override
    public void checkPolicy(PolicyConfig policy) {
        delegate().checkPolicy(policy);
    }

    @Override
    public void checkFamily(EnvSpec<?, ?> spec) {
        delegate().checkFamily(spec);
    }

    @Override
    public MetaLearner create(EnvSpec<?, ?> spec, PolicyConfig policy, SeedTree init, Experience experience) {
        return delegate().create(spec, policy, init, experience);
    }

    @Override
    public MetaLearner pretrained(EnvSpec<?, ?> spec, PolicyConfig policy, SeedTree init, Experience experience) {
        return delegate().pretrained(spec, policy, init, experience);
    }
}
