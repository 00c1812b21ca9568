package io.github.metarl4j.algo;

/**
 * What a meta-learner hands the evaluator for new tasks, in one of the field's two kinds of
 * adaptation: an {@link AdaptablePolicy} learns from a task's episodes by an explicit update
 * (MAML's gradient steps), an {@link InContextPolicy} learns inside its own memory while it plays
 * a trial of episodes on the task (RL^2's hidden state). The evaluator reports both as adaptation
 * curves over k: for the first, the return after k updates; for the second, the return of the
 * k-th episode of a trial.
 */
public sealed interface ExplorationPolicy permits AdaptablePolicy, InContextPolicy {
}
