/**
 * Behaviour cloning (Pomerleau 1991; the offline-RL baseline of Levine, Kumar, Tucker and Fu 2020):
 * a policy fitted by maximum likelihood to the actions of a fixed dataset, trained from the
 * {@link io.github.metarl4j.algo.Experience}'s dataset instead of live episodes.
 */
package io.github.metarl4j.algo.bc;
