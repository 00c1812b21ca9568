package io.github.metarl4j.eval;

import io.github.metarl4j.algo.AdaptablePolicy;
import io.github.metarl4j.algo.ExplorationPolicy;
import io.github.metarl4j.algo.InContextPolicy;
import io.github.metarl4j.data.EpisodeBatch;
import io.github.metarl4j.env.TaskFamily;
import io.github.metarl4j.random.SeedTree;
import io.github.metarl4j.sampler.Sampler;
import io.github.metarl4j.task.Oracle;
import io.github.metarl4j.task.Task;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.stream.IntStream;

/**
 * Meta-test evaluation (the MAML specification's): on held-out tasks, for k = 0..K, the mean
 * return of the policy adapted with k steps, each step on fresh episodes of the policy after
 * k - 1 steps, with a 95% Student-t interval over tasks, and, where the family has an oracle,
 * the mean fraction of the optimal return. It sees only a learner's {@link ExplorationPolicy}, so
 * MAML, a pretrained policy, a random one and RL^2 (whose k is the episode of a trial: Duan et al.
 * 2016) are evaluated by the same code.
 */
public final class MetaEvaluator {

    private final int steps;
    private final int episodesPerTask;

    /**
     * @param steps           K, adaptation steps, >= 0
     * @param episodesPerTask episodes sampled per task at each k (trials per task, for an in-context policy), >= 1
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
     * The adaptation curve of {@code start} on {@code tasks} (at least 1; intervals over tasks need 2); every task
     * adapts from {@code start}, which is left unchanged. An {@link AdaptablePolicy} plays
     * {@code episodesPerTask} episodes per task at each k and adapts on them (the tasks in parallel:
     * adaptation is a pure function of a task's episodes, so the result does not depend on it); randomness
     * {@code node.child(k)} for the episodes after k steps. An {@link InContextPolicy} plays
     * {@code episodesPerTask} trials of K + 1 episodes per task, and point k is the return of the
     * trials' episode k (the family's actions must then be discrete); randomness
     * {@code node.child("trials")}.
     */
    public <T extends Task, O, A> AdaptationCurve evaluate(String name, ExplorationPolicy start,
                                                           TaskFamily<T, O, A> family, List<T> tasks,
                                                           Optional<Oracle<T>> oracle, Sampler sampler,
                                                           SeedTree node) {
        return evaluate(name, start, family, tasks, oracle, sampler, node, (k, episodes) -> { });
    }

    /**
     * {@link #evaluate}, also handing {@code seen} the episodes played at each k of an explicitly
     * adapting policy ({@code [T, tasks * episodesPerTask, ..]}, task-major), e.g. to draw trajectories.
     */
    public <T extends Task, O, A> AdaptationCurve evaluate(String name, ExplorationPolicy start,
                                                           TaskFamily<T, O, A> family, List<T> tasks,
                                                           Optional<Oracle<T>> oracle, Sampler sampler,
                                                           SeedTree node, BiConsumer<Integer, EpisodeBatch> seen) {
        if (tasks.isEmpty()) {
            throw new IllegalArgumentException("evaluation needs at least 1 task, got none");
        }
        double[][] perTask = start instanceof AdaptablePolicy adaptable
                ? adapted(adaptable, family, tasks, sampler, node, seen)
                : inContext((InContextPolicy) start, family, tasks, sampler, node);
        List<ConfidenceInterval> returns = new ArrayList<>();
        List<ConfidenceInterval> fractions = new ArrayList<>();
        for (double[] atK : perTask) {
            returns.add(ConfidenceInterval.of95(atK));
            if (oracle.isPresent()) {
                double[] fraction = new double[tasks.size()];
                for (int i = 0; i < fraction.length; i++) {
                    fraction[i] = oracle.get().fractionOfOptimal(tasks.get(i), atK[i]);
                }
                fractions.add(ConfidenceInterval.of95(fraction));
            }
        }
        return new AdaptationCurve(name, returns, fractions, perTask);
    }

    private <T extends Task, O, A> double[][] adapted(AdaptablePolicy start, TaskFamily<T, O, A> family, List<T> tasks,
                                                      Sampler sampler, SeedTree node,
                                                      BiConsumer<Integer, EpisodeBatch> seen) {
        int e = episodesPerTask;
        List<AdaptablePolicy> current = Collections.nCopies(tasks.size(), start);
        double[][] perTask = new double[steps + 1][];
        for (int k = 0; k <= steps; k++) {
            EpisodeBatch batch = sampler.sample(family, tasks, e, current.get(0).actionsFor(current, e),
                    node.child(k).generator());
            perTask[k] = batch.meanReturnPerTask();
            seen.accept(k, batch);
            if (k < steps) {
                List<AdaptablePolicy> from = current;
                current = IntStream.range(0, tasks.size()).parallel()
                        .mapToObj(i -> from.get(i).adapt(batch.columns(i * e, (i + 1) * e))).toList();
            }
        }
        return perTask;
    }

    private <T extends Task> double[][] inContext(InContextPolicy start, TaskFamily<T, ?, ?> family, List<T> tasks,
                                                  Sampler sampler, SeedTree node) {
        int e = episodesPerTask;
        List<T> trials = tasks.stream().flatMap(t -> Collections.nCopies(e, t).stream()).toList();
        double[][] returns = new double[trials.size()][];
        TrialEvaluator.play(sampler, start.trials(), family, trials, steps + 1, node.child("trials").generator(),
                (from, batch) -> System.arraycopy(batch.episodeReturns(steps + 1), 0, returns, from, batch.trials()));
        double[][] perTask = new double[steps + 1][tasks.size()];
        for (int b = 0; b < trials.size(); b++) {
            for (int k = 0; k <= steps; k++) {
                perTask[k][b / e] += returns[b][k] / e;
            }
        }
        return perTask;
    }
}
