package io.github.metarl4j.examples;

import io.github.metarl4j.data.EpisodeBatch;
import io.github.metarl4j.env.TaskFamily;
import io.github.metarl4j.envs.gridworld.GridMap;
import io.github.metarl4j.envs.gridworld.GridTasks;
import io.github.metarl4j.envs.gridworld.GridWorld;
import io.github.metarl4j.envs.gridworld.GridWorldConfig;
import io.github.metarl4j.envs.gridworld.Region;
import io.github.metarl4j.envs.gridworld.RegionSplit;
import io.github.metarl4j.envs.navigation.Navigation2D;
import io.github.metarl4j.random.SeedTree;
import io.github.metarl4j.sampler.ActionFunction;
import io.github.metarl4j.sampler.LockstepSampler;
import io.github.metarl4j.sampler.RandomActions;
import io.github.metarl4j.task.Task;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Environment steps per second of the lockstep sampler with a uniform random policy: the
 * grid world (four-rooms, one-hot observations, B = 400 = 40 tasks x 10 episodes, horizon 72)
 * and 2D navigation (B = 400, T = 100), on 1 thread and on all cores. "Excluding the policy"
 * subtracts the time spent inside the policy function. A third case, "heavy", is the grid
 * world with about 2 us of extra arithmetic per step, standing for an environment whose steps
 * cost more than the per-step hand-off between threads. The last line is {@code key=value}
 * pairs.
 *
 * <pre>SamplerBenchmark [--repeats N] [--smoke]</pre>
 */
public final class SamplerBenchmark {

    private SamplerBenchmark() {
    }

    public static void main(String[] args) {
        boolean smoke = List.of(args).contains("--smoke");
        int repeats = smoke ? 1 : BenchmarkArgs.intArg(args, "--repeats", 30);
        int warmup = smoke ? 0 : 10;
        int cores = Runtime.getRuntime().availableProcessors();
        GridMap rooms = GridMap.of("four-rooms");
        var grid = GridWorld.family(GridWorldConfig.builder(rooms).build(),
                GridTasks.of(rooms, RegionSplit.of("left-half", "top-right-quadrant", "bottom-right-quadrant"), RegionSplit.same(Region.parse("goal"))));
        var nav = Navigation2D.family();
        var heavy = new TaskFamily<>("heavy", grid.spec(), grid.tasks(), task -> new Heavy<>(grid.factory().create(task)));
        Map<String, String> out = new LinkedHashMap<>();
        out.put("cores", Integer.toString(cores));
        for (int threads : cores == 1 ? new int[] {1} : new int[] {1, cores}) {
            measure("grid", grid, threads, warmup, repeats, out);
            measure("nav", nav, threads, warmup, repeats, out);
            measure("heavy", heavy, threads, warmup, repeats, out);
        }
        StringBuilder line = new StringBuilder();
        out.forEach((k, v) -> line.append(line.length() == 0 ? "" : " ").append(k).append('=').append(v));
        System.out.println(line);
    }

    private static <T extends Task, O, A> void measure(String name, TaskFamily<T, O, A> family, int threads,
                                                       int warmup, int repeats, Map<String, String> out) {
        SeedTree root = SeedTree.root(1);
        List<T> tasks = family.tasks().train().sample(40, root.child("tasks").generator());
        RandomActions<A> random = new RandomActions<>(family.spec().actionSpace());
        double[] withPolicy = new double[repeats];
        double[] withoutPolicy = new double[repeats];
        try (LockstepSampler sampler = new LockstepSampler(threads, DataType.FLOAT)) {
            for (int i = -warmup; i < repeats; i++) {
                long[] policyNanos = {0};
                ActionFunction timed = (obs, rng) -> {
                    long t0 = System.nanoTime();
                    var a = random.act(obs, rng);
                    policyNanos[0] += System.nanoTime() - t0;
                    return a;
                };
                long t0 = System.nanoTime();
                EpisodeBatch b = sampler.sample(family, tasks, 10, timed, root.child(i + warmup).generator());
                long total = System.nanoTime() - t0;
                long steps = Arrays.stream(b.lengths()).sum();
                if (i >= 0) {
                    withPolicy[i] = steps / (total / 1e9);
                    withoutPolicy[i] = steps / ((total - policyNanos[0]) / 1e9);
                }
            }
        }
        double median = BenchmarkArgs.median(withoutPolicy);
        System.out.printf("%-5s threads=%d  env steps/s: %,.0f excluding the policy (%,.0f per thread), "
                + "%,.0f including it (median of %d)%n", name, threads, median, median / threads,
                BenchmarkArgs.median(withPolicy), repeats);
        out.put(name + "_t" + threads + "_steps_per_s", String.format("%.0f", median));
        out.put(name + "_t" + threads + "_with_policy_steps_per_s", String.format("%.0f", BenchmarkArgs.median(withPolicy)));
    }

    /** An environment made slower by deterministic busy arithmetic (about 2 us a step here). */
    private static final class Heavy<O, A> implements io.github.metarl4j.env.Env<O, A> {
        private final io.github.metarl4j.env.Env<O, A> inner;
        private long state;

        Heavy(io.github.metarl4j.env.Env<O, A> inner) {
            this.inner = inner;
        }

        @Override
        public O reset(long seed) {
            state = seed;
            return inner.reset(seed);
        }

        @Override
        public io.github.metarl4j.env.StepResult<O> step(A action) {
            for (int i = 0; i < 2000; i++) {
                state = state * 6364136223846793005L + 1442695040888963407L;
            }
            io.github.metarl4j.env.StepResult<O> r = inner.step(action);
            return state == 42 ? r.asTruncated() : r; // keeps the loop from being optimised away
        }
    }
}
