package io.github.metarl4j.conformance;

import io.github.metarl4j.conformance.ConformanceReport.Check;
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
import io.github.metarl4j.space.Space;
import io.github.metarl4j.task.Task;
import io.github.metarl4j.task.TaskDistribution;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Checks that a task family honours the library's contracts, the same way for built-in and
 * users' families (after Gymnasium's {@code check_env}):
 * <ul>
 *   <li>{@code tasks-deterministic}: the same generator state draws the same tasks, from both
 *       the train and test distributions; a negative count is rejected;</li>
 *   <li>{@code observations-in-space}: every observation is in the observation space and
 *       every reward is finite;</li>
 *   <li>{@code reset-deterministic}: the same seed and actions give the same trajectory bit for
 *       bit, on a reused and on a fresh environment;</li>
 *   <li>{@code lockstep-deterministic}: environments stepped interleaved give what they give
 *       alone (no shared state), and the sampler gives identical batches on 1 and 2 threads;</li>
 *   <li>{@code termination-semantics}: episodes end within the horizon, those that reach it
 *       without terminating are truncated, and the unwrapped environment refuses to step
 *       before a reset and after termination ({@link IllegalStateException});</li>
 *   <li>{@code action-not-mutated}: the environment leaves the action it receives unchanged;</li>
 *   <li>{@code invalid-actions-rejected}: {@code null}, out-of-range indices, NaN, infinite and
 *       wrongly sized actions are refused with an {@link IllegalArgumentException} that says
 *       something.</li>
 * </ul>
 */
public final class ConformanceChecker {

    private static final int TASKS = 3;
    private static final int EPISODES = 2;

    private ConformanceChecker() {
    }

    /** Runs every check with randomness from {@code seed}; never throws for a failed check. */
    public static <T extends Task, O, A> ConformanceReport check(TaskFamily<T, O, A> family, long seed) {
        SeedTree root = SeedTree.root(seed);
        List<T> tasks = new ArrayList<>(family.tasks().train().sample(TASKS - 1, root.child("train").generator()));
        tasks.addAll(family.tasks().test().sample(1, root.child("test").generator()));
        Probe<T, O, A> probe = new Probe<>(family, tasks, root);
        List<Check> checks = new ArrayList<>();
        run(checks, "tasks-deterministic", () -> probe.tasksDeterministic());
        run(checks, "observations-in-space", () -> probe.observationsInSpace());
        run(checks, "reset-deterministic", () -> probe.resetDeterministic());
        run(checks, "lockstep-deterministic", () -> probe.lockstepDeterministic());
        run(checks, "termination-semantics", () -> probe.terminationSemantics());
        run(checks, "action-not-mutated", () -> probe.actionNotMutated());
        run(checks, "invalid-actions-rejected", () -> probe.invalidActionsRejected());
        return new ConformanceReport(family.name(), checks);
    }

    private static void run(List<Check> checks, String name, Runnable body) {
        try {
            body.run();
            checks.add(new Check(name, true, ""));
        } catch (Violation v) {
            checks.add(new Check(name, false, v.getMessage()));
        } catch (RuntimeException e) {
            checks.add(new Check(name, false, "unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
    }

    /** A broken contract, with what was seen. */
    private static final class Violation extends RuntimeException {
        Violation(String message) {
            super(message, null, false, false);
        }
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new Violation(message);
        }
    }

    /** One family under test, with the tasks and generators the checks share. */
    private static final class Probe<T extends Task, O, A> {
        private final TaskFamily<T, O, A> family;
        private final EnvSpec<O, A> spec;
        private final List<T> tasks;
        private final SeedTree root;

        Probe(TaskFamily<T, O, A> family, List<T> tasks, SeedTree root) {
            this.family = family;
            this.spec = family.spec();
            this.tasks = tasks;
            this.root = root;
        }

        void tasksDeterministic() {
            for (TaskDistribution<T> d : List.of(family.tasks().train(), family.tasks().test())) {
                List<T> a = d.sample(5, root.child("repeat").generator());
                List<T> b = d.sample(5, root.child("repeat").generator());
                require(a.size() == 5, "sample(5, rng) returned " + a.size() + " tasks");
                require(a.equals(b), "the same generator state drew different tasks: " + a + " then " + b);
                require(d.sample(0, root.generator()).isEmpty(), "sample(0, rng) must return no tasks");
                try {
                    d.sample(-1, root.generator());
                    throw new Violation("sample(-1, rng) must throw IllegalArgumentException, returned normally");
                } catch (IllegalArgumentException expected) {
                    // the contract
                }
            }
        }

        void observationsInSpace() {
            for (int i = 0; i < tasks.size(); i++) {
                for (int e = 0; e < EPISODES; e++) {
                    play(family.create(tasks.get(i)), root.child(i).child(e), true);
                }
            }
        }

        void resetDeterministic() {
            for (int i = 0; i < tasks.size(); i++) {
                SeedTree node = root.child("reset").child(i);
                Env<O, A> env = family.create(tasks.get(i));
                Trajectory first = play(env, node, false);
                Trajectory again = play(env, node, false);
                Trajectory fresh = play(family.create(tasks.get(i)), node, false);
                require(first.equals(again), "task " + tasks.get(i) + ": reset with the same seed and actions "
                        + "gave a different trajectory on the same environment: " + first.diff(again));
                require(first.equals(fresh), "task " + tasks.get(i) + ": a fresh environment with the same seed "
                        + "and actions gave a different trajectory: " + first.diff(fresh));
            }
        }

        void lockstepDeterministic() {
            int n = tasks.size();
            List<Env<O, A>> envs = new ArrayList<>();
            List<SplittableRandom> actionRngs = new ArrayList<>();
            List<Trajectory> interleaved = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                envs.add(family.create(tasks.get(i)));
                SeedTree node = root.child("lockstep").child(i);
                actionRngs.add(node.child("actions").generator());
                interleaved.add(new Trajectory(spec.observationSpace()));
                interleaved.get(i).observe(envs.get(i).reset(node.seed()), 0, false, false);
            }
            boolean[] done = new boolean[n];
            for (int t = 0; t < spec.horizon(); t++) {
                for (int i = 0; i < n; i++) {
                    if (!done[i]) {
                        StepResult<O> r = envs.get(i).step(spec.actionSpace().sample(actionRngs.get(i)));
                        interleaved.get(i).observe(r.observation(), r.reward(), r.terminated(), r.truncated());
                        done[i] = r.done();
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                Trajectory alone = play(family.create(tasks.get(i)), root.child("lockstep").child(i), false);
                require(alone.equals(interleaved.get(i)), "task " + tasks.get(i) + ": stepped interleaved with "
                        + "other environments it gave another trajectory than alone (shared state?): "
                        + alone.diff(interleaved.get(i)));
            }
            EpisodeBatch one;
            EpisodeBatch two;
            RandomActions<A> policy = new RandomActions<>(spec.actionSpace());
            try (LockstepSampler s1 = new LockstepSampler(1, DataType.DOUBLE);
                 LockstepSampler s2 = new LockstepSampler(2, DataType.DOUBLE)) {
                one = s1.sample(family, tasks, EPISODES, policy, root.child("sampler").generator());
                two = s2.sample(family, tasks, EPISODES, policy, root.child("sampler").generator());
            }
            require(one.observations().equals(two.observations()) && one.rewards().equals(two.rewards())
                    && one.actions().equals(two.actions()) && Arrays.equals(one.lengths(), two.lengths()),
                    "the sampler gave different batches on 1 and 2 threads (shared state between environments?)");
        }

        void terminationSemantics() {
            int horizon = spec.horizon();
            for (int i = 0; i < tasks.size(); i++) {
                Trajectory tr = play(family.create(tasks.get(i)), root.child("ends").child(i), false);
                int len = tr.length();
                require(len <= horizon, "episode ran " + len + " steps, past the horizon " + horizon);
                require(tr.lastTerminated() || tr.lastTruncated(), "episode ended with neither flag set");
                Env<O, A> raw = family.factory().create(tasks.get(i));
                try {
                    raw.step(spec.actionSpace().sample(root.generator()));
                    throw new Violation("the unwrapped environment stepped before any reset; it must throw "
                            + "IllegalStateException");
                } catch (IllegalStateException expected) {
                    // the contract
                }
                if (tr.lastTerminated()) {
                    SeedTree node = root.child("ends").child(i);
                    replayTo(raw, node, len);
                    try {
                        raw.step(spec.actionSpace().sample(root.generator()));
                        throw new Violation("the unwrapped environment stepped after its episode terminated; it "
                                + "must throw IllegalStateException");
                    } catch (IllegalStateException expected) {
                        // the contract
                    }
                }
            }
        }

        void actionNotMutated() {
            Space<A> actions = spec.actionSpace();
            SplittableRandom rng = root.child("mutation").generator();
            Env<O, A> env = family.create(tasks.get(0));
            env.reset(rng.nextLong());
            double[] before = new double[actions.flatDim()];
            double[] after = new double[actions.flatDim()];
            for (int t = 0; t < spec.horizon(); t++) {
                A a = actions.sample(rng);
                actions.write(a, before, 0);
                StepResult<O> r = env.step(a);
                actions.write(a, after, 0);
                require(Arrays.equals(before, after), "step " + t + " changed its action from "
                        + Arrays.toString(before) + " to " + Arrays.toString(after));
                if (r.done()) {
                    break;
                }
            }
        }

        @SuppressWarnings("unchecked")
        void invalidActionsRejected() {
            List<Object> bad = new ArrayList<>();
            bad.add(null);
            if (spec.actionSpace() instanceof Discrete d) {
                bad.addAll(List.of(-1, d.n()));
            } else if (spec.actionSpace() instanceof Box b) {
                double[] nan = new double[b.dim()];
                Arrays.fill(nan, Double.NaN);
                double[] inf = new double[b.dim()];
                inf[0] = Double.POSITIVE_INFINITY;
                bad.addAll(List.of(nan, inf, new double[b.dim() + 1]));
            }
            for (Object action : bad) {
                Env<O, A> env = family.create(tasks.get(0));
                env.reset(root.child("invalid").seed());
                String shown = action instanceof double[] arr ? Arrays.toString(arr) : String.valueOf(action);
                try {
                    env.step((A) action);
                    throw new Violation("action " + shown + " was accepted; expected IllegalArgumentException");
                } catch (IllegalArgumentException e) {
                    require(e.getMessage() != null && !e.getMessage().isBlank(),
                            "action " + shown + " was rejected without a message");
                } catch (ClassCastException | NullPointerException e) {
                    throw new Violation("action " + shown + " raised " + e.getClass().getSimpleName()
                            + " instead of IllegalArgumentException naming the value");
                }
            }
        }

        /** Plays one episode with actions drawn from {@code node}'s "actions" child. */
        private Trajectory play(Env<O, A> env, SeedTree node, boolean checkSpace) {
            SplittableRandom actionRng = node.child("actions").generator();
            Trajectory tr = new Trajectory(spec.observationSpace());
            O obs = env.reset(node.seed());
            if (checkSpace) {
                require(spec.observationSpace().contains(obs), "reset observation " + show(obs)
                        + " is outside the observation space " + spec.observationSpace());
            }
            tr.observe(obs, 0, false, false);
            for (int t = 0; t < spec.horizon(); t++) {
                StepResult<O> r = env.step(spec.actionSpace().sample(actionRng));
                if (checkSpace) {
                    require(spec.observationSpace().contains(r.observation()), "step " + t + " observation "
                            + show(r.observation()) + " is outside the observation space " + spec.observationSpace());
                    require(Double.isFinite(r.reward()), "step " + t + " reward must be finite, got " + r.reward());
                }
                tr.observe(r.observation(), r.reward(), r.terminated(), r.truncated());
                if (r.done()) {
                    break;
                }
            }
            return tr;
        }

        private void replayTo(Env<O, A> env, SeedTree node, int steps) {
            SplittableRandom actionRng = node.child("actions").generator();
            env.reset(node.seed());
            for (int t = 0; t < steps; t++) {
                env.step(spec.actionSpace().sample(actionRng));
            }
        }

        private static String show(Object o) {
            return o instanceof double[] a ? Arrays.toString(a) : String.valueOf(o);
        }
    }
}
