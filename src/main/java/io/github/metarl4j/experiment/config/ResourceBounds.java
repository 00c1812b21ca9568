package io.github.metarl4j.experiment.config;

import io.github.metarl4j.env.EnvSpec;
import java.util.List;
import java.util.Locale;

/**
 * Checks, before a run starts, that the sizes of a config fit the memory the JVM may use: the
 * environment steps one meta-batch holds (tasks x episodes x horizon), the steps one evaluation
 * round holds, the policy's parameters with the copies a learner keeps of them and, for MAML, the
 * adapted parameters of every task of a meta-batch, all against the process's memory cap
 * ({@code -Dorg.bytedeco.javacpp.maxphysicalbytes}, which bounds the heap and ND4J's native memory
 * together); and a tabular family's transition tables, which live on the heap, against
 * {@code -Xmx}. Each estimate is a lower bound (every step's observation, action, reward and mask,
 * and one activation and one derivative per hidden unit, at the policy's precision; the tables in
 * doubles), so a config it refuses could not have run. The message names the key at fault (for a
 * product, its largest factor), its value and the largest value that fits with the others as they are.
 */
public final class ResourceBounds {

    /** Parameter-sized arrays a learner keeps: parameters, gradient, two Adam moments, conjugate-gradient vectors. */
    private static final int COPIES = 6;

    /** One factor of a size: its key (empty for a multiplier no key sets alone) and value. */
    private record Factor(String key, double value) {
    }

    /**
     * The limits checked against.
     *
     * @param heap   the heap's bytes ({@code Runtime.maxMemory()}, set by {@code -Xmx})
     * @param memory the bytes the process may use in all ({@code maxphysicalbytes})
     */
    public record Limits(long heap, long memory) {

        /** This JVM's limits; without a {@code maxphysicalbytes} cap, the heap plus ND4J's own cap. */
        public static Limits ofThisJvm() {
            long heap = Runtime.getRuntime().maxMemory();
            long physical = org.bytedeco.javacpp.Pointer.maxPhysicalBytes();
            return new Limits(heap, physical > 0 ? physical : heap + org.bytedeco.javacpp.Pointer.maxBytes());
        }
    }

    private ResourceBounds() {
    }

    /**
     * Checks {@code config} for a family with {@code spec} against {@code limits}.
     *
     * @throws SizeLimitException naming the key, the value and the bound
     */
    public static void check(ExperimentConfig config, EnvSpec<?, ?> spec, Limits limits) {
        int obs = spec.observationSpace().flatDim();
        int act = spec.actionSpace().flatDim();
        List<Integer> hidden = config.policy().widths();
        double hiddenUnits = hidden.stream().mapToDouble(Integer::doubleValue).sum();
        int precision = config.policy().dataType() == PolicyConfig.Precision.FLOAT ? 4 : 8;
        double bytesPerStep = precision * (obs + act + 2 + 2 * hiddenUnits);
        Factor horizon = new Factor(horizonKey(config.family()), spec.horizon());
        Factor tasks;
        Factor episodes;
        double rounds;
        double adapted;
        if (config.learner() instanceof MamlLearner m) {
            tasks = new Factor("learner.maml.metaBatch", m.maml().metaBatch());
            episodes = new Factor("learner.maml.fastBatch", m.maml().fastBatch());
            rounds = m.maml().episodesPerTask() / (double) m.maml().fastBatch();
            adapted = 1;
        } else if (config.learner() instanceof Rl2Learner r) {
            tasks = new Factor("learner.trials", r.trials());
            episodes = new Factor("learner.rl2.episodesPerTrial", r.rl2().episodesPerTrial());
            rounds = 1;
            adapted = 0;
        } else { // a user's learner: its meta-batch of tasks, each with the evaluation's episodes
            tasks = new Factor("learner (its meta-batch)", config.learner().metaBatch());
            episodes = new Factor("evaluation.episodes", config.evaluation().episodes());
            rounds = 1;
            adapted = 0;
        }
        double parameters = 0;
        int in = obs;
        for (int width : hidden) {
            parameters += (in + 1.0) * width;
            in = width;
        }
        parameters += (in + 1.0) * (act + 1);
        double bytes = precision * parameters * COPIES;
        if (bytes > limits.memory()) {
            throw new SizeLimitException(String.format(Locale.ROOT, "key 'policy.hidden': %s makes %.3g "
                    + "parameters, which with the %d copies the learner keeps need at least %s; %s; lower the widths",
                    hidden, parameters, COPIES, size(bytes), memory(limits)));
        }
        if (config.family() instanceof TabularFamily t) {
            double perTask = 8.0 * t.states() * t.actions() * (t.states() + 1.0); // [S, A, S] and [S, A] doubles
            double held = Math.max(tasks.value(), config.evaluation().tasks());
            if (perTask * held > limits.heap()) {
                throw new SizeLimitException(String.format(Locale.ROOT, "key 'family.states': %d states x %d "
                        + "actions make each MDP's transition table %s, and the %.0f tasks held at once need at least "
                        + "%s of heap; the JVM's heap (-Xmx) is %s; lower the states or raise -Xmx", t.states(),
                        t.actions(), size(perTask), held, size(perTask * held), size(limits.heap())));
            }
        }
        require(List.of(tasks, episodes, new Factor("", rounds), horizon), bytesPerStep, limits,
                "one meta-batch's environment steps");
        Factor evaluated = new Factor("evaluation.episodes", (double) config.evaluation().episodes()
                * config.learner().trialEpisodes().orElse(1));
        require(List.of(new Factor("evaluation.tasks", config.evaluation().tasks()), evaluated, horizon), bytesPerStep,
                limits, "one evaluation round's environment steps");
        if (adapted > 0) {
            require(List.of(tasks), adapted * precision * parameters, limits, "the adapted parameters of one meta-batch");
        }
        if (config.learner().dataSource().orElse(null) instanceof CollectedData c) {
            // each transition's observation, next observation, action, reward and two flags in doubles,
            // held three times (the rollout's arrays, the dataset, the learner's copy)
            require(List.of(new Factor("learner.data.tasks", c.tasks()), new Factor("learner.data.episodesPerTask",
                    c.episodesPerTask()), horizon), 3 * 8.0 * (2 * obs + act + 3), limits, "the collected dataset");
        }
    }

    private static void require(List<Factor> factors, double bytesPerUnit, Limits limits, String what) {
        double bytes = bytesPerUnit;
        Factor largest = factors.get(0);
        StringBuilder product = new StringBuilder();
        for (Factor f : factors) {
            bytes *= f.value();
            largest = !f.key().isEmpty() && f.value() > largest.value() ? f : largest;
            product.append(String.format(Locale.ROOT, "%.0f x ", f.value()));
        }
        if (bytes <= limits.memory()) {
            return;
        }
        if (limits.memory() < bytesPerUnit) {
            throw new SizeLimitException(String.format(Locale.ROOT, "key 'policy.hidden': its widths make "
                    + "%s (%s%s) need at least %s; %s; lower the widths", what, product, size(bytesPerUnit), size(bytes),
                    memory(limits)));
        }
        throw new SizeLimitException(String.format(Locale.ROOT, "key '%s': %.0f makes %s (%s%s) need at least "
                + "%s; %s, which bounds %s at %.0f here; lower it", largest.key(), largest.value(), what, product,
                size(bytesPerUnit), size(bytes), memory(limits), largest.key(),
                Math.floor(limits.memory() / (bytes / largest.value()))));
    }

    private static String memory(Limits limits) {
        return "the JVM may use " + size(limits.memory()) + " in all (-Dorg.bytedeco.javacpp.maxphysicalbytes)";
    }

    private static String horizonKey(FamilyConfig family) {
        if (family instanceof GridWorldFamily) {
            return "family.world.horizon";
        }
        return family instanceof NavigationFamily || family instanceof TabularFamily ? "family.horizon"
                : "family (its horizon)";
    }

    /** {@code bytes} in B, KiB, MiB, GiB, TiB, PiB or EiB. */
    static String size(double bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        int u = 0;
        while (bytes >= 1024 && u < units.length - 1) {
            bytes /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, u == 0 ? "%.0f %s" : "%.1f %s", bytes, units[u]);
    }
}
