package io.github.metarl4j.experiment.config;

import io.github.metarl4j.algo.Experience;
import io.github.metarl4j.algo.MetaLearner;
import io.github.metarl4j.algo.cql.ConservativeQLearning;
import io.github.metarl4j.algo.cql.CqlConfig;
import io.github.metarl4j.env.EnvSpec;
import io.github.metarl4j.nn.Mlp;
import io.github.metarl4j.random.SeedTree;
import io.github.metarl4j.space.Discrete;

/**
 * Discrete conservative Q-learning ({@code type: cql}; {@link ConservativeQLearning}) from the dataset
 * its {@code data} key names. Its Q-network is an MLP with the experiment's {@code categorical} policy
 * section's layers, activation and precision, one output per action; the evaluated policy is greedy
 * in Q and does not adapt. {@code cql.alpha: 0} is fitted Q-learning.
 *
 * @param cql  the regulariser's weight, discount, batch size, steps per iteration and learning rate
 * @param data where the dataset comes from
 */
public record CqlLearner(CqlConfig cql, DataConfig data) implements OfflineLearnerConfig {

    /**
     * Checks the arguments and holds them:
     *
     * @param cql  the regulariser's weight, discount, batch size, steps per iteration and learning rate
     * @param data where the dataset comes from
     */
    public CqlLearner {
        if (cql == null || data == null) {
            throw new IllegalArgumentException("cql settings and data must be given");
        }
    }

    @Override
    public String name() {
        return "cql";
    }

    /** A {@code categorical} policy section, whose network shape the Q-network takes. */
    @Override
    public void checkPolicy(PolicyConfig policy) {
        if (!(policy instanceof CategoricalPolicyConfig)) {
            throw new IllegalArgumentException("policy.type: cql's Q-network takes the layers of a categorical "
                    + "policy section, got " + TypeNames.nameOf(PolicyConfig.class, policy));
        }
    }

    /** Discrete actions. */
    @Override
    public void checkFamily(EnvSpec<?, ?> spec) {
        if (!(spec.actionSpace() instanceof Discrete)) {
            throw new IllegalArgumentException("cql needs discrete actions, got " + spec.actionSpace());
        }
    }

    @Override
    public MetaLearner create(EnvSpec<?, ?> spec, PolicyConfig policy, SeedTree init, Experience experience) {
        CategoricalPolicyConfig c = (CategoricalPolicyConfig) policy;
        Mlp net = new Mlp(spec.observationSpace().flatDim(), c.layers(), ((Discrete) spec.actionSpace()).n(),
                c.activation(), c.arrays());
        return new ConservativeQLearning(cql, net, net.initialParameters(init.generator()),
                experience.requireDataset(name()));
    }
}
