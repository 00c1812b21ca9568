package io.github.metarl4j.eval.agents;

import java.util.random.RandomGenerator;
import org.apache.commons.math3.random.AbstractRandomGenerator;

/**
 * A Java {@link RandomGenerator} seen as a Commons Math generator, so Commons Math's
 * distributions sample from the generator the caller passes (not from a global one).
 */
final class CommonsRandom extends AbstractRandomGenerator {

    private final RandomGenerator rng;

    CommonsRandom(RandomGenerator rng) {
        this.rng = rng;
    }

    @Override
    public void setSeed(long seed) {
        throw new UnsupportedOperationException("the wrapped generator is seeded by its owner");
    }

    @Override
    public double nextDouble() {
        return rng.nextDouble();
    }
}
