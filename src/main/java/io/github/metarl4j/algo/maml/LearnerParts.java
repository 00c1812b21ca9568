package io.github.metarl4j.algo.maml;

import io.github.metarl4j.optim.Trpo;
import io.github.metarl4j.policy.Policy;
import io.github.metarl4j.sampler.LockstepSampler;
import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What MAML and the pretrained baseline are both built from: the inner loop, the TRPO step, the
 * per-task threads and the sampler, with the initial parameters checked against the policy. The
 * learner that takes them closes them, which closes the threads and the sampler.
 */
record LearnerParts(InnerLoop inner, Trpo trpo, TaskParallel parallel, LockstepSampler sampler) implements AutoCloseable {

    static LearnerParts of(MamlConfig config, Policy policy, INDArray theta, int threads) {
        if (theta.length() != policy.numParams() || theta.dataType() != policy.dataType()) {
            throw new IllegalArgumentException("initial parameters must be " + policy.dataType() + " ["
                    + policy.numParams() + "], got " + theta.dataType() + " " + Arrays.toString(theta.shape()));
        }
        return new LearnerParts(new InnerLoop(config.innerStepSize(), config.innerSteps()),
                new Trpo(config.trpo()), new TaskParallel(threads), new LockstepSampler(threads, policy.dataType()));
    }

    @Override
    public void close() {
        parallel.close();
        sampler.close();
    }
}
