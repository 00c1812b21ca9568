package io.github.metarl4j.experiment;

import io.github.metarl4j.env.EnvSpec;
import java.util.List;
import java.util.Locale;

/**
 * Checks, before a run starts, that the sizes of a config fit the JVM's heap ({@code -Xmx}): the
 * environment steps one meta-batch holds (tasks x episodes x horizon), the steps one evaluation
 * round holds (tasks x episodes x horizon), the policy's parameters with the copies the learner
 * keeps of them, and a tabular family's transition tables for the tasks held at once. Each estimate is a lower bound (the observations, actions and rewards of every
 * step, one activation and one derivative per hidden unit, eight bytes a number for the host copies),
 * so a config it refuses could not have run; the message names the largest factor's key, its
 * value and the largest value the heap allows with the others as they are.
 */
final class ResourceBounds {

    /** One factor of a size: its key and value. */
    private record Factor(String key, double value) {
    }

    /** Parameter-sized arrays a learner keeps: parameters, gradient, two Adam moments, conjugate-gradient vectors. */
    private static final int COPIES = 6;

    private ResourceBounds() {
    }

    /**
     * Checks {@code config} for a family with {@code spec} against a heap of {@code heapBytes}.
     *
     * @throws IllegalArgumentException naming the key, the value and the bound
     */
    static void check(ExperimentConfig config, EnvSpec<?, ?> spec, long heapBytes) {
        int obs = spec.observationSpace().flatDim();
        int act = spec.actionSpace().flatDim();
        List<Integer> hidden = config.policy().hidden();
        double hiddenUnits = hidden.stream().mapToDouble(Integer::doubleValue).sum();
        int precision = config.policy().dataType() == PolicyConfig.Precision.FLOAT ? 4 : 8;
        double bytesPerStep = 8.0 * (obs + act + 2) + 2.0 * precision * hiddenUnits;
        Factor horizon = new Factor(horizonKey(config.family()), spec.horizon());
        Factor tasks;
        Factor episodes;
        double rounds;
        double adapted;
        if (config.learner() instanceof MamlLearner m) {
            tasks = new Factor("learner.maml.metaBatch", m.maml().metaBatch());
            episodes = new Factor("learner.maml.fastBatch", m.maml().fastBatch());
            rounds = m.maml().episodesPerTask() / (double) m.maml().fastBatch();
            adapted = 2;
        } else if (config.learner() instanceof Rl2Learner r) {
            tasks = new Factor("learner.trials", r.trials());
            episodes = new Factor("learner.rl2.episodesPerTrial", r.rl2().episodesPerTrial());
            rounds = 1;
            adapted = 0;
        } else {
            throw new IllegalStateException("no bounds for learner " + config.learner().name());
        }
        double parameters = 0;
        int in = obs;
        for (int width : hidden) {
            parameters += (in + 1.0) * width;
            in = width;
        }
        parameters += (in + 1.0) * (act + 1);
        double bytes = 8.0 * parameters * COPIES;
        if (bytes > heapBytes) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "key 'policy.hidden': %s makes %.3g "
                    + "parameters, which with the %d copies the learner keeps need at least %s of heap; the JVM's "
                    + "heap (-Xmx) is %s; lower the widths or raise -Xmx", hidden, parameters, COPIES, size(bytes),
                    size(heapBytes)));
        }
        if (config.family() instanceof TabularFamily t) {
            // each task holds its transition probabilities [S, A, S] and reward means [S, A] in doubles
            double perTask = 8.0 * t.states() * t.actions() * (t.states() + 1.0);
            double held = Math.max(tasks.value(), config.evaluation().tasks());
            if (perTask * held > heapBytes) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "key 'family.states': %d states x %d "
                        + "actions make each MDP's transition table %s, and the %.0f tasks held at once need at least "
                        + "%s of heap; the JVM's heap (-Xmx) is %s; lower the states or raise -Xmx", t.states(),
                        t.actions(), size(perTask), held, size(perTask * held), size(heapBytes)));
            }
        }
        require(List.of(tasks, episodes, horizon), rounds * bytesPerStep, heapBytes,
                "one meta-batch's environment steps");
        require(List.of(new Factor("evaluation.tasks", config.evaluation().tasks()), episodes, horizon), bytesPerStep,
                heapBytes, "one evaluation round's environment steps");
        if (adapted > 0) {
            require(List.of(tasks), adapted * 8.0 * parameters, heapBytes, "the adapted parameters of one meta-batch");
        }
    }

    private static void require(List<Factor> factors, double bytesPerUnit, long heapBytes, String what) {
        double bytes = bytesPerUnit;
        Factor largest = factors.get(0);
        StringBuilder product = new StringBuilder();
        for (Factor f : factors) {
            bytes *= f.value();
            largest = f.value() > largest.value() ? f : largest;
            product.append(String.format(Locale.ROOT, "%.0f x ", f.value()));
        }
        if (bytes <= heapBytes) {
            return;
        }
        double others = bytes / largest.value();
        if (heapBytes < bytesPerUnit) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "key 'policy.hidden': its widths make "
                    + "%s (%s%s) need at least %s of heap; the JVM's heap (-Xmx) is %s; lower the widths or raise -Xmx",
                    what, product, size(bytesPerUnit), size(bytes), size(heapBytes)));
        }
        throw new IllegalArgumentException(String.format(Locale.ROOT, "key '%s': %.0f makes %s (%s%s) need at "
                + "least %s of heap; the JVM's heap (-Xmx) is %s, which bounds %s at %.0f here; lower it or raise -Xmx",
                largest.key(), largest.value(), what, product, size(bytesPerUnit), size(bytes), size(heapBytes),
                largest.key(), Math.floor(heapBytes / others)));
    }

    private static String horizonKey(FamilyConfig family) {
        if (family instanceof GridWorldFamily) {
            return "family.world.horizon";
        }
        return family instanceof NavigationFamily || family instanceof TabularFamily ? "family.horizon"
                : "family (its horizon)";
    }

    /** {@code bytes} in B, KiB, MiB, GiB or TiB. */
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
