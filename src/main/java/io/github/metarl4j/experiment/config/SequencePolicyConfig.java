package io.github.metarl4j.experiment.config;

import io.github.metarl4j.nn.SequenceModel;

/** A policy with memory over a trial, for in-context learners (RL^2): a sequence model. */
public interface SequencePolicyConfig extends PolicyConfig {

    /** The model for input rows of width {@code in} and {@code out} discrete actions. */
    SequenceModel create(int in, int out);
}
