package io.github.metarl4j.algo.maml;

import io.github.metarl4j.sampler.TaskThreads;
import io.github.metarl4j.optim.Trpo;
import io.github.metarl4j.policy.Policy;
import io.github.metarl4j.sampler.Sampler;
import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What MAML and the pretrained baseline are both built from: the inner loop, the TRPO step, the
 * per-task threads (as many as the sampler's) and the sampler it was given, with the initial
 * parameters and the sampler's data type checked against the policy. The learner that takes them
 * closes them, which closes the threads; the sampler belongs to the caller.
 */
record LearnerParts(InnerLoop inner, Trpo trpo, TaskThreads parallel, Sampler sampler) implements AutoCloseable {

    static LearnerParts of(MamlConfig config, Policy policy, INDArray theta, Sampler sampler) {
        if (sampler.dataType() != policy.dataType()) {
            throw new IllegalArgumentException("the sampler produces " + sampler.dataType() + " batches, the policy is "
                    + policy.dataType());
        }
        if (theta.length() != policy.numParams() || theta.dataType() != policy.dataType()) {
            throw new IllegalArgumentException("initial parameters must be " + policy.dataType() + " ["
                    + policy.numParams() + "], got " + theta.dataType() + " " + Arrays.toString(theta.shape()));
        }
        return new LearnerParts(new InnerLoop(config.innerStepSize(), config.innerSteps()),
                new Trpo(config.trpo()), new TaskThreads(sampler.threads()), sampler);
    }

    /** Closes the per-task threads; the sampler belongs to the caller. */
    @Override
    public void close() {
        parallel.close();
    }
}
