/**
 * The environment contract ({@link io.github.metarl4j.env.Env},
 * {@link io.github.metarl4j.env.StepResult} with separate {@code terminated} and
 * {@code truncated}), the shared {@link io.github.metarl4j.env.EnvSpec}, the
 * {@link io.github.metarl4j.env.TimeLimit} wrapper, and
 * {@link io.github.metarl4j.env.TaskFamily}: a task distribution plus an environment factory.
 */
package io.github.metarl4j.env;
