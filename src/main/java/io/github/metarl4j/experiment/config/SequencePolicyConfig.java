package io.github.metarl4j.experiment.config;

import io.github.metarl4j.nn.SequenceModel;

/** A policy with memory over a trial, for in-context learners (RL^2): a sequence model. */
public interface SequencePolicyConfig extends PolicyConfig {

    /**
     * The model for input rows of width {@code in} and {@code out} discrete actions, with an
     * auxiliary head of width {@code auxiliary} (0: none; RL^2's reward prediction asks for one per action).
     */
    SequenceModel create(int in, int out, int auxiliary);
}
