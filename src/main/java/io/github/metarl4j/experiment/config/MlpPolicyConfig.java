package io.github.metarl4j.experiment.config;

import io.github.metarl4j.nn.Activation;
import java.util.List;

/** An MLP policy of observations: its hidden layer widths and their nonlinearity. */
public interface MlpPolicyConfig extends EpisodePolicyConfig {

    /** Hidden layer widths, each >= 1. */
    List<Integer> hidden();

    /** The hidden layers' nonlinearity. */
    Activation activation();

    /** The hidden widths. */
    @Override
    default List<Integer> widths() {
        return hidden();
    }

    /** The hidden widths as the network constructors take them. */
    default int[] layers() {
        return hidden().stream().mapToInt(Integer::intValue).toArray();
    }
}
