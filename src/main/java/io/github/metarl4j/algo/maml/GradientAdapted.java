package io.github.metarl4j.algo.maml;

import io.github.metarl4j.algo.AdaptablePolicy;
import io.github.metarl4j.data.EpisodeBatch;
import io.github.metarl4j.policy.Policy;
import io.github.metarl4j.policy.ReinforceLoss;
import io.github.metarl4j.sampler.ActionFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Parameters {@code theta} that adapt by MAML's inner loop, with the specification's advantages:
 * when inner steps sample fresh episodes ({@link MamlConfig.InnerSampling#FRESH}) each
 * {@link #adapt} is one REINFORCE step on the given episodes, so an evaluator that adapts k times on
 * fresh episodes of the current policy reproduces training's K-step adaptation at k = K; when they
 * reuse episodes, each {@link #adapt} is all K steps on the given episodes. MAML's
 * meta-parameters, the pretrained baseline's and a random initialisation adapt by this same rule.
 */
final class GradientAdapted implements AdaptablePolicy {

    private final Policy policy;
    private final InnerLoop inner;
    private final MamlConfig config;
    private final INDArray theta;

    GradientAdapted(Policy policy, InnerLoop inner, MamlConfig config, INDArray theta) {
        this.policy = policy;
        this.inner = inner;
        this.config = config;
        this.theta = theta;
    }

    @Override
    public ActionFunction actions() {
        return policy.actions(theta);
    }

    @Override
    public AdaptablePolicy adapt(EpisodeBatch episodes) {
        ReinforceLoss loss = new ReinforceLoss(policy, episodes,
                TaskEpisodes.advantages(episodes, config.gamma(), config.gaeLambda()));
        INDArray next = config.innerSampling() == MamlConfig.InnerSampling.FRESH ? inner.step(theta, loss)
                : inner.adapt(theta, java.util.Collections.nCopies(inner.steps(), loss)).get(inner.steps());
        return new GradientAdapted(policy, inner, config, next);
    }

    /** One batched network pass for all blocks when every block is this policy's kind on the same network. */
    @Override
    public ActionFunction actionsFor(List<AdaptablePolicy> blocks, int rowsPerBlock) {
        List<INDArray> thetas = new ArrayList<>(blocks.size());
        for (AdaptablePolicy b : blocks) {
            if (!(b instanceof GradientAdapted g) || g.policy != policy) {
                return AdaptablePolicy.super.actionsFor(blocks, rowsPerBlock);
            }
            thetas.add(g.theta);
        }
        return policy.actions(thetas);
    }

    @Override
    public OptionalDouble stepSize() {
        return OptionalDouble.of(inner.stepSize());
    }

    @Override
    public AdaptablePolicy withStepSize(double alpha) {
        return new GradientAdapted(policy, new InnerLoop(alpha, inner.steps()), config, theta);
    }
}
