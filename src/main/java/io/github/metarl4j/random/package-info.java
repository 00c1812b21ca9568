/**
 * The seed tree: explicit, splittable randomness for every component of a run.
 *
 * <p>Nothing in the library draws from a global generator. Components receive a
 * {@link java.util.random.RandomGenerator} (usually a {@link java.util.SplittableRandom})
 * derived from a {@link io.github.metarl4j.random.SeedTree} path.
 */
package io.github.metarl4j.random;
