package io.github.metarl4j.spark;

import io.github.metarl4j.sampler.LockstepSampler;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The per-task states of the parts an executor JVM has built, by part: Spark caches the small
 * {@link Part} values and sends each query to the executor holding its part, where the states are
 * found here. A part whose states are missing (its first query landed elsewhere, or the executor
 * that held it was lost and Spark recomputed the part) is built again from the part, with the same
 * result, since builds are deterministic. This is the executor side's only shared memory.
 */
final class ExecutorStates {

    private static final Map<String, List<?>> STATES = new ConcurrentHashMap<>();

    private ExecutorStates() {
    }

    /**
     * The states of {@code part}, built here on first use; building a part of a new call first drops
     * the states of every other call (the driver asks about one call at a time).
     */
    static List<?> of(Part part) {
        List<?> held = STATES.get(part.key());
        if (held != null) {
            return held;
        }
        keepOnly(part.call());
        return STATES.computeIfAbsent(part.key(), k -> build(part));
    }

    private static List<?> build(Part part) {
        try (LockstepSampler sampler = new LockstepSampler(1, part.type())) {
            List<?> states = part.build().build(part.source().family(), sampler, part.first(), part.count());
            if (states.size() != part.count()) {
                throw new IllegalStateException("the build gave " + states.size() + " states for part " + part.key()
                        + " of " + part.count() + " tasks");
            }
            return List.copyOf(states);
        }
    }

    /**
     * Closes and forgets the states of every call other than {@code call}'s (the driver never needs two
     * at once); {@code ""} forgets all.
     */
    static void keepOnly(String call) {
        for (String key : STATES.keySet()) {
            if (call.isEmpty() || !key.startsWith(call + "/")) {
                List<?> states = STATES.remove(key);
                if (states != null) {
                    for (Object s : states) {
                        try {
                            ((AutoCloseable) s).close();
                        } catch (Exception e) {
                            throw new IllegalStateException("closing a state of " + key + ": " + e.getMessage(), e);
                        }
                    }
                }
            }
        }
    }
}
