/**
 * Offline RL on families with finitely many states, solved exactly: the empirical MDP of a dataset
 * ({@link io.github.metarl4j.offline.tabular.EmpiricalMdp}) and pessimistic value iteration on it
 * ({@link io.github.metarl4j.offline.tabular.PessimisticValueIteration}) and fitted Q evaluation
 * ({@link io.github.metarl4j.offline.tabular.TabularFqe}). Observations are mapped to
 * state indices by a {@link io.github.metarl4j.offline.tabular.StateIndex}.
 */
package io.github.metarl4j.offline.tabular;
