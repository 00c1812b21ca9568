package io.github.metarl4j.eval;

import io.github.metarl4j.data.TrialBatch;
import io.github.metarl4j.env.TaskFamily;
import io.github.metarl4j.sampler.Sampler;
import io.github.metarl4j.sampler.TrialPolicy;
import io.github.metarl4j.task.Oracle;
import io.github.metarl4j.task.Task;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;
import java.util.random.RandomGenerator;

/**
 * Scores trial policies (RL^2 and the reference agents alike) by the total reward of one trial
 * of {@code episodes} episodes on each held-out task, the RL^2 paper's measure, played on the
 * {@link Sampler} it is given.
 */
public final class TrialEvaluator {

    /** Trials played in lockstep at a time. */
    static final int CHUNK = 500;

    private TrialEvaluator() {
    }

    /** Plays one trial per task with {@code policy} on {@code sampler} and reports the score. */
    public static <T extends Task, O> TrialScore evaluate(Sampler sampler, String name, TrialPolicy policy,
                                                         TaskFamily<T, O, ?> family, List<T> tasks, int episodes,
                                                         Optional<Oracle<T>> oracle, RandomGenerator rng) {
        if (tasks.size() < 2) {
            throw new IllegalArgumentException("a confidence interval needs at least 2 tasks, got " + tasks.size());
        }
        double[] totals = totals(sampler, policy, family, tasks, episodes, rng);
        Optional<ConfidenceInterval> fraction = oracle.map(o -> {
            double[] f = new double[tasks.size()];
            for (int i = 0; i < f.length; i++) {
                f[i] = o.fractionOfOptimal(tasks.get(i), totals[i] / episodes);
            }
            return ConfidenceInterval.of95(f);
        });
        return new TrialScore(name, ConfidenceInterval.of95(totals), fraction);
    }

    /**
     * {@code policy}'s total reward minus {@code reference}'s, task by task, with the 95% interval of
     * the mean difference over the tasks: both play one trial per task from generators in the state
     * {@code play} is in, so each task's two trials see the same reward draws ({@link #totals}), and
     * what the task and the draws contribute to both cancels out of the interval.
     *
     * @param play draws one seed; both policies' {@link #totals} are played from a {@link
     *             SplittableRandom} of that seed
     * @return the interval of {@code [tasks]} differences, {@code policy} minus {@code reference}
     */
    public static <T extends Task, O> ConfidenceInterval paired(Sampler sampler, TrialPolicy policy,
                                                                TrialPolicy reference, TaskFamily<T, O, ?> family,
                                                                List<T> tasks, int episodes, RandomGenerator play) {
        if (tasks.size() < 2) {
            throw new IllegalArgumentException("a confidence interval needs at least 2 tasks, got " + tasks.size());
        }
        long seed = play.nextLong();
        double[] mine = totals(sampler, policy, family, tasks, episodes, new SplittableRandom(seed));
        double[] theirs = totals(sampler, reference, family, tasks, episodes, new SplittableRandom(seed));
        double[] difference = new double[mine.length];
        for (int i = 0; i < difference.length; i++) {
            difference[i] = mine[i] - theirs[i];
        }
        return ConfidenceInterval.of95(difference);
    }

    /**
     * The total reward of one trial of {@code episodes} episodes on each task, {@code [tasks]}, in
     * the tasks' order, played by {@link #play}: two policies given generators in the same state get
     * the same episode seeds (the same reward draws) on every task, however many random numbers their
     * actions use, so their totals can be compared task by task (a paired comparison).
     */
    public static <T extends Task, O> double[] totals(Sampler sampler, TrialPolicy policy, TaskFamily<T, O, ?> family,
                                                     List<T> tasks, int episodes, RandomGenerator rng) {
        double[] totals = new double[tasks.size()];
        play(sampler, policy, family, tasks, episodes, rng,
                (from, batch) -> System.arraycopy(batch.trialReturns(), 0, totals, from, batch.trials()));
        return totals;
    }

    /**
     * Plays one trial of {@code episodes} episodes on each task, {@link #CHUNK} trials in lockstep at a
     * time, handing each chunk's trials to {@code chunk} with the index of its first task. Each chunk
     * is played with a generator of its own, all drawn from {@code rng} before any is played. The one
     * way the evaluators play trials: the trial score here and the in-context adaptation curves of
     * {@link MetaEvaluator}.
     */
    static <T extends Task, O> void play(Sampler sampler, TrialPolicy policy, TaskFamily<T, O, ?> family,
                                         List<T> tasks, int episodes, RandomGenerator rng,
                                         BiConsumer<Integer, TrialBatch> chunk) {
        long[] chunkSeeds = new long[(tasks.size() + CHUNK - 1) / CHUNK];
        for (int c = 0; c < chunkSeeds.length; c++) {
            chunkSeeds[c] = rng.nextLong();
        }
        for (int from = 0; from < tasks.size(); from += CHUNK) {
            List<T> part = tasks.subList(from, Math.min(tasks.size(), from + CHUNK));
            chunk.accept(from, sampler.sampleTrials(family, part, episodes, policy,
                    new SplittableRandom(chunkSeeds[from / CHUNK])));
        }
    }
}
