package io.github.metarl4j.sampler;

import io.github.metarl4j.data.TrialBatch;
import io.github.metarl4j.env.Env;
import io.github.metarl4j.env.StepResult;
import io.github.metarl4j.env.TaskFamily;
import io.github.metarl4j.space.Discrete;
import io.github.metarl4j.space.Space;
import io.github.metarl4j.task.Task;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Plays one trial of {@code episodes} episodes on each task, all trials in lockstep: one
 * {@link TrialPolicy.Actor#act} call per step for the whole batch. The policy's memory is started
 * once per trial and carried across the episodes of the trial; after an episode ends the next one
 * starts at once, and the input tells the policy so through the episode-end flag. Episode seeds
 * are drawn from {@code rng} before any step, trial by trial, so a trial's episodes do not depend
 * on the policy's draws.
 */
final class TrialSampler {

    private TrialSampler() {
    }

    /**
     * Plays {@code tasks.size()} trials.
     *
     * @throws IllegalArgumentException if the family's actions are not discrete or {@code episodes < 1}
     */
    static <T extends Task, O> TrialBatch sample(TaskFamily<T, O, ?> family, List<T> tasks, int episodes,
                                                       TrialPolicy policy, RandomGenerator rng) {
        if (episodes < 1) {
            throw new IllegalArgumentException("episodes per trial must be >= 1, got " + episodes);
        }
        if (!(family.spec().actionSpace() instanceof Discrete discrete)) {
            throw new IllegalArgumentException("trials need a discrete action space, got " + family.spec().actionSpace());
        }
        Space<O> obsSpace = family.spec().observationSpace();
        TrialInputs layout = new TrialInputs(obsSpace.flatDim(), discrete.n());
        int b = tasks.size();
        int width = layout.width();
        long[][] seeds = new long[b][episodes];
        for (long[] row : seeds) {
            for (int e = 0; e < episodes; e++) {
                row[e] = rng.nextLong();
            }
        }
        List<Env<O, Integer>> envs = new ArrayList<>(b);
        double[] current = new double[b * width];
        for (int i = 0; i < b; i++) {
            envs.add(withIndexActions(family).create(tasks.get(i)));
            obsSpace.write(envs.get(i).reset(seeds[i][0]), current, i * width);
        }
        int[] episode = new int[b];
        boolean[] active = new boolean[b];
        Arrays.fill(active, true);
        int[] actions = new int[b];
        TrialPolicy.Actor actor = policy.start(b, layout);
        List<double[]> inputs = new ArrayList<>();
        List<int[]> acts = new ArrayList<>();
        List<double[]> rewards = new ArrayList<>();
        List<boolean[]> masks = new ArrayList<>();
        List<boolean[]> ends = new ArrayList<>();
        int running = b;
        while (running > 0) {
            double[] in = current.clone();
            actor.act(in, active.clone(), rng, actions);
            double[] r = new double[b];
            boolean[] m = new boolean[b];
            boolean[] end = new boolean[b];
            Arrays.fill(current, 0);
            for (int i = 0; i < b; i++) {
                if (!active[i]) {
                    continue;
                }
                int a = discrete.checked(actions[i]);
                StepResult<O> step = envs.get(i).step(a);
                m[i] = true;
                r[i] = step.reward();
                end[i] = step.terminated() || step.truncated();
                O next = step.observation();
                if (end[i] && ++episode[i] == episodes) {
                    active[i] = false;
                    running--;
                    continue;
                }
                if (end[i]) {
                    next = envs.get(i).reset(seeds[i][episode[i]]);
                }
                obsSpace.write(next, current, i * width);
                current[i * width + layout.actionOffset() + a] = 1;
                current[i * width + layout.rewardOffset()] = r[i];
                current[i * width + layout.flagOffset()] = end[i] ? 1 : 0;
            }
            inputs.add(in);
            acts.add(actions.clone());
            rewards.add(r);
            masks.add(m);
            ends.add(end);
        }
        return pack(b, width, inputs, acts, rewards, masks, ends);
    }

    /** A family whose action space is {@link Discrete} acts with the Integer indices that space holds. */
    @SuppressWarnings("unchecked")
    private static <T extends Task, O> TaskFamily<T, O, Integer> withIndexActions(TaskFamily<T, O, ?> family) {
        return (TaskFamily<T, O, Integer>) family;
    }

    private static TrialBatch pack(int b, int width, List<double[]> inputs, List<int[]> acts, List<double[]> rewards,
                                   List<boolean[]> masks, List<boolean[]> ends) {
        int t = inputs.size();
        double[] in = new double[t * b * width];
        int[] a = new int[t * b];
        double[] r = new double[t * b];
        boolean[] m = new boolean[t * b];
        boolean[] e = new boolean[t * b];
        for (int s = 0; s < t; s++) {
            System.arraycopy(inputs.get(s), 0, in, s * b * width, b * width);
            System.arraycopy(acts.get(s), 0, a, s * b, b);
            System.arraycopy(rewards.get(s), 0, r, s * b, b);
            System.arraycopy(masks.get(s), 0, m, s * b, b);
            System.arraycopy(ends.get(s), 0, e, s * b, b);
        }
        return new TrialBatch(t, b, width, in, a, r, m, e);
    }
}
