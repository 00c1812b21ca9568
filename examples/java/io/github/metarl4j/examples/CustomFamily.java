package io.github.metarl4j.examples;

import io.github.metarl4j.conformance.ConformanceChecker;
import io.github.metarl4j.conformance.ConformanceReport;
import io.github.metarl4j.data.EpisodeBatch;
import io.github.metarl4j.env.Env;
import io.github.metarl4j.env.EnvSpec;
import io.github.metarl4j.env.StepResult;
import io.github.metarl4j.env.TaskFamily;
import io.github.metarl4j.random.SeedTree;
import io.github.metarl4j.sampler.LockstepSampler;
import io.github.metarl4j.sampler.RandomActions;
import io.github.metarl4j.space.Box;
import io.github.metarl4j.space.Discrete;
import io.github.metarl4j.task.Task;
import io.github.metarl4j.task.TaskDistribution;
import io.github.metarl4j.task.TaskSplit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Adding a task family in four pieces: a task record, a task distribution, an environment,
 * and a {@link TaskFamily} tying them together; then the conformance checker and a rollout.
 *
 * <p>The family: a noisy corridor of {@code length} cells. The robot starts in the middle and
 * must find which end pays (the task); each step it moves left or right, and with probability
 * {@code noise} it moves the other way. Tasks with the paying end on the left are for
 * meta-training, on the right for meta-testing.
 */
public final class CustomFamily implements Supplier<TaskFamily<?, ?, ?>> {

    /** 1. The task: an immutable record. */
    public record Corridor(int length, boolean payLeft, double noise) implements Task {
        public Corridor {
            if (length < 3) {
                throw new IllegalArgumentException("corridor length must be >= 3, got " + length);
            }
            if (!(noise >= 0 && noise <= 1)) {
                throw new IllegalArgumentException("noise must be in [0, 1], got " + noise);
            }
        }
    }

    /** 2. The distribution: draws only from the generator it is given. */
    public record Corridors(boolean payLeft) implements TaskDistribution<Corridor> {
        @Override
        public List<Corridor> sample(int n, RandomGenerator rng) {
            TaskDistribution.checkCount(n);
            List<Corridor> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(new Corridor(5 + 2 * rng.nextInt(4), payLeft, 0.2 * rng.nextDouble()));
            }
            return out;
        }
    }

    /** 3. The environment: owns its generator, rejects bad actions, separates terminated from truncated. */
    public static final class CorridorEnv implements Env<double[], Integer> {
        private static final Discrete ACTIONS = new Discrete(2);
        private final Corridor task;
        private SplittableRandom rng;
        private int position;
        private boolean running;

        public CorridorEnv(Corridor task) {
            this.task = task;
        }

        @Override
        public double[] reset(long seed) {
            rng = new SplittableRandom(seed);
            position = task.length() / 2;
            running = true;
            return observe();
        }

        @Override
        public StepResult<double[]> step(Integer action) {
            int a = ACTIONS.checked(action); // "action must be an integer in [0, 2), got ..."
            if (!running) {
                throw new IllegalStateException("step called with no running episode; call reset(seed) first");
            }
            int direction = (a == 0 ? -1 : 1) * (rng.nextDouble() < task.noise() ? -1 : 1);
            position += direction;
            boolean atEnd = position == 0 || position == task.length() - 1;
            boolean paid = atEnd && (position == 0) == task.payLeft();
            running = !atEnd;
            return new StepResult<>(observe(), paid ? 1.0 : atEnd ? -1.0 : -0.01, atEnd, false);
        }

        private double[] observe() {
            return new double[] {position / (double) (task.length() - 1)};
        }
    }

    /** For {@code metarl4j check-env} and {@code family: {type: class}} in an experiment config. */
    public CustomFamily() {
    }

    @Override
    public TaskFamily<?, ?, ?> get() {
        return family();
    }

    /** 4. The family: spaces and horizon shared by all tasks, the train/test split, the factory. */
    public static TaskFamily<Corridor, double[], Integer> family() {
        return new TaskFamily<>("corridor", new EnvSpec<>(Box.of(0, 1, 1), new Discrete(2), 40),
                new TaskSplit<>(new Corridors(true), new Corridors(false), new Corridors(false)), CorridorEnv::new);
    }

    public static void main(String[] args) {
        TaskFamily<Corridor, double[], Integer> family = family();
        ConformanceReport report = ConformanceChecker.check(family, 1);
        System.out.println(report);
        report.assertPassed();
        SeedTree root = SeedTree.root(3);
        List<Corridor> tasks = family.tasks().train().sample(8, root.child("tasks").generator());
        try (LockstepSampler sampler = new LockstepSampler(2, DataType.DOUBLE)) {
            EpisodeBatch batch = sampler.sample(family, tasks, 16, new RandomActions<>(family.spec().actionSpace()),
                    root.child("sampler").generator());
            System.out.printf("random policy on %d corridors x 16 episodes: mean return %.3f, mean length %.1f%n",
                    tasks.size(), Arrays.stream(batch.episodeReturns()).average().orElseThrow(),
                    Arrays.stream(batch.lengths()).average().orElseThrow());
        }
    }
}
