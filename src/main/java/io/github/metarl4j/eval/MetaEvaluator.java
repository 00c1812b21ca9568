package io.github.metarl4j.eval;

import io.github.metarl4j.algo.AdaptablePolicy;
import io.github.metarl4j.data.EpisodeBatch;
import io.github.metarl4j.env.TaskFamily;
import io.github.metarl4j.random.SeedTree;
import io.github.metarl4j.sampler.ActionFunction;
import io.github.metarl4j.sampler.LockstepSampler;
import io.github.metarl4j.sampler.RowBlocks;
import io.github.metarl4j.task.Oracle;
import io.github.metarl4j.task.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Meta-test evaluation (the MAML specification's): on held-out tasks, for k = 0..K, the mean
 * return of the policy adapted with k steps, each step on fresh episodes of the policy after
 * k - 1 steps, with a 95% Student-t interval over tasks, and, where the family has an oracle,
 * the mean fraction of the optimal return. It sees only {@link AdaptablePolicy}, so MAML, a
 * pretrained policy, a random one and later learners are evaluated by the same code.
 */
public final class MetaEvaluator {

    private final int steps;
    private final int episodesPerTask;

    /**
     * @param steps           K, adaptation steps, >= 0
     * @param episodesPerTask episodes sampled per task at each k, >= 1
     */
    public MetaEvaluator(int steps, int episodesPerTask) {
        if (steps < 0) {
            throw new IllegalArgumentException("evaluation steps must be >= 0, got " + steps);
        }
        if (episodesPerTask < 1) {
            throw new IllegalArgumentException("evaluation episodesPerTask must be >= 1, got " + episodesPerTask);
        }
        this.steps = steps;
        this.episodesPerTask = episodesPerTask;
    }

    /**
     * The adaptation curve of {@code start} on {@code tasks} (at least 2, for intervals); every task
     * adapts from {@code start}, which is left unchanged. Randomness: {@code node.child(k)} for the
     * episodes after k steps.
     */
    public <T extends Task, O, A> AdaptationCurve evaluate(String name, AdaptablePolicy start, TaskFamily<T, O, A> family,
                                                           List<T> tasks, Optional<Oracle<T>> oracle,
                                                           LockstepSampler sampler, SeedTree node) {
        if (tasks.size() < 2) {
            throw new IllegalArgumentException("evaluation needs at least 2 tasks for an interval, got " + tasks.size());
        }
        int e = episodesPerTask;
        List<AdaptablePolicy> current = new ArrayList<>(java.util.Collections.nCopies(tasks.size(), start));
        List<ConfidenceInterval> returns = new ArrayList<>();
        List<ConfidenceInterval> fractions = new ArrayList<>();
        double[][] perTask = new double[steps + 1][];
        for (int k = 0; k <= steps; k++) {
            List<ActionFunction> acting = current.stream().map(AdaptablePolicy::actions).toList();
            EpisodeBatch batch = sampler.sample(family, tasks, e, new RowBlocks(acting, e), node.child(k).generator());
            perTask[k] = batch.meanReturnPerTask();
            returns.add(ConfidenceInterval.of95(perTask[k]));
            if (oracle.isPresent()) {
                double[] fraction = new double[tasks.size()];
                for (int i = 0; i < fraction.length; i++) {
                    fraction[i] = oracle.get().fractionOfOptimal(tasks.get(i), perTask[k][i]);
                }
                fractions.add(ConfidenceInterval.of95(fraction));
            }
            if (k < steps) {
                for (int i = 0; i < tasks.size(); i++) {
                    current.set(i, current.get(i).adapt(batch.columns(i * e, (i + 1) * e)));
                }
            }
        }
        return new AdaptationCurve(name, returns, fractions, perTask);
    }
}
