package io.github.metarl4j.experiment;

import io.github.metarl4j.algo.MetaLearner;
import io.github.metarl4j.algo.maml.Maml;
import io.github.metarl4j.algo.maml.MamlConfig;
import io.github.metarl4j.algo.maml.Pretraining;
import io.github.metarl4j.policy.Policy;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * MAML ({@code type: maml}; Finn, Abbeel and Levine, ICML 2017) with its settings; its pretrained
 * reference is {@link Pretraining} with the same settings.
 *
 * @param maml MAML's settings
 */
public record MamlLearner(MamlConfig maml) implements LearnerConfig {

    public MamlLearner {
        if (maml == null) {
            throw new IllegalArgumentException("maml settings must be given");
        }
    }

    @Override
    public String name() {
        return "maml";
    }

    @Override
    public int metaBatch() {
        return maml.metaBatch();
    }

    @Override
    public int evaluationEpisodes() {
        return maml.fastBatch();
    }

    @Override
    public MetaLearner create(Policy policy, INDArray theta0, int threads) {
        return new Maml(maml, policy, theta0, threads);
    }

    @Override
    public MetaLearner pretrained(Policy policy, INDArray theta0, int threads) {
        return new Pretraining(maml, policy, theta0, threads);
    }
}
