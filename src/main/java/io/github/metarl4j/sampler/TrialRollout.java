package io.github.metarl4j.sampler;

import io.github.metarl4j.data.TrialBatch;
import io.github.metarl4j.env.Env;
import io.github.metarl4j.env.StepResult;
import io.github.metarl4j.space.Discrete;
import io.github.metarl4j.space.Space;
import java.util.Arrays;
import java.util.List;

/**
 * One trial of {@code episodes} episodes on each of B tasks, all trials in lockstep: one
 * {@link TrialPolicy.Actor#act} call per step for the whole batch, then the B environments stepped
 * across the threads ({@link Columns}), each writing only its own column. The policy's memory is
 * started once per trial and carried across the episodes of the trial; after an episode ends the
 * next one starts at once, and the input tells the policy so through the episode-end flag. The
 * arrays are allocated once, for the longest possible trial ({@code episodes * horizon} steps).
 *
 * <p>Determinism: episode seeds are drawn from {@code rng} before any step, trial by trial, and the
 * policy draws from it once per step on the calling thread; each environment owns its generator,
 * so the trials are identical, bit for bit, for any number of threads.
 */
final class TrialRollout<O> {

    private final Space<O> obsSpace;
    private final Discrete discrete;
    private final TrialInputs layout;
    private final List<Env<O, Integer>> envs;
    private final long[][] seeds;
    private final Columns columns;
    private final int b;
    private final int width;
    private final int horizon;
    private final int maxSteps;
    private final double[] inputs;
    private final int[] actions;
    private final double[] rewards;
    private final boolean[] mask;
    private final boolean[] ends;
    private final int[] episode;
    private final int[] episodeStep;
    private final boolean[] active;
    private final double[] current;
    private final boolean[] activeCopy;
    private final int[] chosen;
    private int t;

    TrialRollout(Space<O> obsSpace, Discrete discrete, int horizon, List<Env<O, Integer>> envs, long[][] seeds,
                 Columns columns) {
        this.obsSpace = obsSpace;
        this.discrete = discrete;
        this.layout = new TrialInputs(obsSpace.flatDim(), discrete.n());
        this.envs = envs;
        this.seeds = seeds;
        this.columns = columns;
        this.b = envs.size();
        this.width = layout.width();
        this.horizon = horizon;
        this.maxSteps = Math.multiplyExact(seeds[0].length, horizon);
        long cells = (long) maxSteps * b * width;
        if (cells > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(b + " trials of up to " + maxSteps + " steps of width " + width
                    + " do not fit one array (" + cells + " entries); play fewer trials at a time");
        }
        this.inputs = new double[(int) cells];
        this.actions = new int[maxSteps * b];
        this.rewards = new double[maxSteps * b];
        this.mask = new boolean[maxSteps * b];
        this.ends = new boolean[maxSteps * b];
        this.episode = new int[b];
        this.episodeStep = new int[b];
        this.active = new boolean[b];
        this.current = new double[b * width];
        this.activeCopy = new boolean[b];
        this.chosen = new int[b];
    }

    TrialBatch run(TrialPolicy policy, RowStreams rng) {
        for (int i = 0; i < b; i++) {
            obsSpace.write(envs.get(i).reset(seeds[i][0]), current, i * width);
        }
        Arrays.fill(active, true);
        TrialPolicy.Actor actor = policy.start(b, layout);
        int running = b;
        for (t = 0; running > 0; t++) {
            System.arraycopy(current, 0, inputs, t * b * width, b * width);
            System.arraycopy(active, 0, activeCopy, 0, b);
            actor.act(current, activeCopy, rng, chosen);
            for (int i = 0; i < b; i++) {
                actions[t * b + i] = active[i] ? chosen[i] : 0; // finished trials' rows are padding: zero
            }
            Arrays.fill(current, 0);
            columns.forEach(b, this::stepColumn);
            running = 0;
            for (boolean a : active) {
                running += a ? 1 : 0;
            }
        }
        return TrialBatch.of(t, b, width, Arrays.copyOf(inputs, t * b * width), Arrays.copyOf(actions, t * b),
                Arrays.copyOf(rewards, t * b), Arrays.copyOf(mask, t * b), Arrays.copyOf(ends, t * b));
    }

    private void stepColumn(int i) {
        if (!active[i]) {
            return;
        }
        int a = discrete.checked(chosen[i]);
        StepResult<O> step = envs.get(i).step(a);
        int at = t * b + i;
        mask[at] = true;
        rewards[at] = step.reward();
        boolean end = step.terminated() || step.truncated();
        ends[at] = end;
        if (!end && ++episodeStep[i] >= horizon) {
            throw new IllegalStateException("trial " + i + ": environment did not end within its horizon " + horizon);
        }
        if (end && ++episode[i] == seeds[i].length) {
            active[i] = false;
            return;
        }
        O next = step.observation();
        if (end) {
            episodeStep[i] = 0;
            next = envs.get(i).reset(seeds[i][episode[i]]);
        }
        obsSpace.write(next, current, i * width);
        current[i * width + layout.actionOffset() + a] = 1;
        current[i * width + layout.rewardOffset()] = rewards[at];
        current[i * width + layout.flagOffset()] = end ? 1 : 0;
    }
}
