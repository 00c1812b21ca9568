package io.github.metarl4j.eval;

import java.util.Optional;

/**
 * How a trial policy scored on held-out tasks.
 *
 * @param name     the policy's name ("ucb1", "rl2")
 * @param total    the total reward of a trial, mean and 95% t-interval over trials
 * @param fraction the total reward over the oracle's ({@code episodes} optimal episodes), where the family has an oracle
 */
public record TrialScore(String name, ConfidenceInterval total, Optional<ConfidenceInterval> fraction) {
}
