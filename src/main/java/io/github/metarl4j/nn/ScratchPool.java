package io.github.metarl4j.nn;

import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * A thread-safe pool of {@link Scratch} instances, so that objects holding native buffers for a
 * while (a policy prepared at a point) reuse memory from one use to the next instead of
 * allocating fresh native arrays each time. Most recently released first, to reuse warm memory.
 */
public final class ScratchPool {

    private final ConcurrentLinkedDeque<Scratch> idle = new ConcurrentLinkedDeque<>();

    /** An idle scratch, or a new one. */
    public Scratch acquire() {
        Scratch s = idle.pollFirst();
        return s != null ? s : new Scratch();
    }

    /** Returns {@code scratch} to the pool; its buffers must no longer be in use. */
    public void release(Scratch scratch) {
        idle.addFirst(scratch);
    }
}
