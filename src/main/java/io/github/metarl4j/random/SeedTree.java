package io.github.metarl4j.random;

import java.util.SplittableRandom;

/**
 * A node of the seed tree: every component of a run draws its randomness from a generator
 * derived from its own path in the tree, never from a global generator and never from
 * {@code seed + index} (with that rule, seed 1 / worker 0 collides with seed 0 / worker 1).
 *
 * <p>A child's seed is a non-linear mix (the SplitMix64 finaliser, Steele, Lea and Flood,
 * "Fast splittable pseudorandom number generators", OOPSLA 2014) of the parent's seed and
 * the child's key, so children named differently are independent streams, and the stream
 * of a component does not change when other components are added or drawn in another order.
 * The tree is a value: the same root seed and path always give the same generator, which
 * is what exact replay and resume rely on.
 *
 * <pre>{@code
 * SeedTree root = SeedTree.root(42);
 * SplittableRandom tasks = root.child("tasks").generator();
 * SplittableRandom batch7 = root.child("sampler").child(7).generator();
 * }</pre>
 *
 * @param seed the seed of this node
 */
public record SeedTree(long seed) {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    /** The root of a tree for a user-chosen seed. */
    public static SeedTree root(long seed) {
        return new SeedTree(mix(seed ^ 0x5DEECE66DL));
    }

    /** The child named {@code name} (component names: "tasks", "sampler", "policy-init", ...). */
    public SeedTree child(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("seed tree child name must be non-empty, got '" + name + "'");
        }
        long key = 0xCBF29CE484222325L; // FNV-1a over the UTF-16 units, then mixed
        for (int i = 0; i < name.length(); i++) {
            key = (key ^ name.charAt(i)) * 0x100000001B3L;
        }
        return new SeedTree(mix(seed + GOLDEN_GAMMA * mix(key)));
    }

    /** The child with a numeric key (a batch index, a worker index, a task index). */
    public SeedTree child(long index) {
        return new SeedTree(mix(seed + GOLDEN_GAMMA * mix(index + 0x632BE59BD9B4E019L)));
    }

    /** A fresh generator seeded by this node; two calls give two identical generators. */
    public SplittableRandom generator() {
        return new SplittableRandom(seed);
    }

    /** SplitMix64's output finaliser (variant 13 of Stafford's mixers). */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
