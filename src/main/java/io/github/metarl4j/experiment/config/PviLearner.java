package io.github.metarl4j.experiment.config;

import io.github.metarl4j.algo.Experience;
import io.github.metarl4j.algo.MetaLearner;
import io.github.metarl4j.env.EnvSpec;
import io.github.metarl4j.offline.tabular.PessimisticLearner;
import io.github.metarl4j.random.SeedTree;
import io.github.metarl4j.space.Box;
import io.github.metarl4j.space.Discrete;

/**
 * Pessimistic value iteration ({@code type: pvi}; {@link PessimisticLearner}) on the empirical MDP of
 * the dataset its {@code data} key names, for a family whose observations are one-hot states (the
 * grid world's {@code ONE_HOT} cells, the tabular MDPs) and whose actions are discrete. The policy
 * section is not used: the learner's parameters are its Q table.
 *
 * @param beta  the count-based penalty's weight, at least 0 (0: the certainty-equivalent model-based solution)
 * @param gamma the discount, in [0, 1)
 * @param data  where the dataset comes from
 */
public record PviLearner(double beta, double gamma, DataConfig data) implements OfflineLearnerConfig {

    /**
     * Checks the arguments and holds them:
     *
     * @param beta  the count-based penalty's weight, at least 0
     * @param gamma the discount, in [0, 1)
     * @param data  where the dataset comes from
     */
    public PviLearner {
        if (!(beta >= 0) || Double.isInfinite(beta)) {
            throw new IllegalArgumentException("beta must be finite and >= 0, got " + beta);
        }
        if (!(gamma >= 0 && gamma < 1)) {
            throw new IllegalArgumentException("gamma must be in [0, 1), got " + gamma);
        }
        if (data == null) {
            throw new IllegalArgumentException("data must be given");
        }
    }

    @Override
    public String name() {
        return "pvi";
    }

    /** Any: the policy section is not used. */
    @Override
    public void checkPolicy(PolicyConfig policy) {
    }

    /** One-hot observations (a box) and discrete actions; one-hot-ness is checked on the data, row by row. */
    @Override
    public void checkFamily(EnvSpec<?, ?> spec) {
        if (!(spec.actionSpace() instanceof Discrete) || !(spec.observationSpace() instanceof Box)) {
            throw new IllegalArgumentException("pvi needs one-hot state observations and discrete actions, got "
                    + spec.observationSpace() + " and " + spec.actionSpace());
        }
    }

    @Override
    public MetaLearner create(EnvSpec<?, ?> spec, PolicyConfig policy, SeedTree init, Experience experience) {
        return new PessimisticLearner(experience.requireDataset(name()), spec.observationSpace().flatDim(),
                ((Discrete) spec.actionSpace()).n(), beta, gamma);
    }
}
