package io.github.metarl4j.experiment;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.github.metarl4j.algo.MetaLearner;
import io.github.metarl4j.policy.Policy;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Which meta-learner an experiment trains, chosen in YAML by its {@code type}: {@code maml}
 * ({@link MamlLearner}). The run machinery sees only the {@link MetaLearner} it creates.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(value = MamlLearner.class, name = "maml")})
public sealed interface LearnerConfig permits MamlLearner {

    /** The learner's name in logs, metrics and tables ("maml"). */
    String name();

    /** Tasks per meta-batch. */
    int metaBatch();

    /** Episodes per task between adaptation steps when the learner is evaluated. */
    int evaluationEpisodes();

    /** A fresh learner at meta-parameters {@code theta0}. */
    MetaLearner create(Policy policy, INDArray theta0, int threads);

    /**
     * The pretrained reference: a learner trained on the pooled tasks without meta-learning and
     * adapted the same way at evaluation.
     *
     * @throws IllegalArgumentException if this learner has no such reference
     */
    MetaLearner pretrained(Policy policy, INDArray theta0, int threads);
}
