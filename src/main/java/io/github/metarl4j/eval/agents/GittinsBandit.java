package io.github.metarl4j.eval.agents;

import java.util.random.RandomGenerator;

/** The arm of highest Gittins index (Gittins 1979) of its Beta(1 + successes, 1 + failures) posterior. */
public final class GittinsBandit extends BanditAgent {

    private final GittinsIndex table;

    /** @param table the indices, tabulated deep enough for the trials it plays */
    public GittinsBandit(GittinsIndex table) {
        this.table = table;
    }

    @Override
    protected void observe(double reward) {
        requireBernoulli(reward, "the Gittins index");
    }

    @Override
    protected int choose(Arms arms, RandomGenerator rng) {
        double[] index = new double[arms.arms()];
        for (int i = 0; i < index.length; i++) {
            int successes = (int) arms.sums[i];
            index[i] = table.index(1 + successes, 1 + (int) arms.pulls[i] - successes);
        }
        return argmax(index);
    }
}
