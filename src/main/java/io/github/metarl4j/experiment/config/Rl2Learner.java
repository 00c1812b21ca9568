package io.github.metarl4j.experiment.config;

import io.github.metarl4j.algo.Experience;
import io.github.metarl4j.algo.MetaLearner;
import io.github.metarl4j.algo.rl2.Rl2;
import io.github.metarl4j.algo.rl2.Rl2Config;
import io.github.metarl4j.env.EnvSpec;
import io.github.metarl4j.nn.SequenceModel;
import io.github.metarl4j.random.SeedTree;
import io.github.metarl4j.sampler.TrialInputs;
import io.github.metarl4j.space.Discrete;
import java.util.OptionalInt;

/**
 * RL^2 ({@code type: rl2}; Duan et al. 2016) with its settings. Its policy is the experiment's
 * sequence model ({@code policy: {type: gru}}) with a categorical head over the family's discrete
 * actions; it has no pretrained reference.
 *
 * @param rl2    RL^2's settings (trial length, PPO, GAE, loss weights)
 * @param trials trials per meta-batch, one per task, >= 1
 */
public record Rl2Learner(Rl2Config rl2, int trials) implements LearnerConfig {

    /**
     * Checks the arguments and holds them:
     *
     * @param rl2    RL^2's settings (trial length, PPO, GAE, loss weights)
     * @param trials trials per meta-batch, one per task, >= 1
     */
    public Rl2Learner {
        if (rl2 == null) {
            throw new IllegalArgumentException("rl2 settings must be given");
        }
        if (trials < 1) {
            throw new IllegalArgumentException("trials must be >= 1, got " + trials);
        }
    }

    @Override
    public String name() {
        return "rl2";
    }

    @Override
    public int metaBatch() {
        return trials;
    }

    /** {@code rl2.episodesPerTrial}. */
    @Override
    public OptionalInt trialEpisodes() {
        return OptionalInt.of(rl2.episodesPerTrial());
    }

    @Override
    public boolean hasPretrained() {
        return false;
    }

    /** A sequence model ({@code gru}, or a user's {@link SequencePolicyConfig}). */
    @Override
    public void checkPolicy(PolicyConfig policy) {
        if (!(policy instanceof SequencePolicyConfig)) {
            throw new IllegalArgumentException("policy.type: rl2 needs a policy with memory (gru), got "
                    + TypeNames.nameOf(PolicyConfig.class, policy));
        }
    }

    @Override
    public void checkFamily(EnvSpec<?, ?> spec) {
        if (!(spec.actionSpace() instanceof Discrete)) {
            throw new IllegalArgumentException("learner rl2 needs a family with discrete actions, got "
                    + spec.actionSpace());
        }
    }

    @Override
    public MetaLearner create(EnvSpec<?, ?> spec, PolicyConfig policy, SeedTree init, Experience experience) {
        checkFamily(spec);
        int actions = ((Discrete) spec.actionSpace()).n();
        SequenceModel net = ((SequencePolicyConfig) policy).create(
                rl2.inputs().width(new TrialInputs(spec.observationSpace().flatDim(), actions)), actions,
                rl2.auxiliaryWidth(actions));
        return new Rl2(rl2, net, net.initialParameters(init.generator()), experience.sampler());
    }

    @Override
    public MetaLearner pretrained(EnvSpec<?, ?> spec, PolicyConfig policy, SeedTree init, Experience experience) {
        throw new IllegalArgumentException("rl2 has no pretrained reference; evaluation.baselines may hold SCRATCH only");
    }
}
