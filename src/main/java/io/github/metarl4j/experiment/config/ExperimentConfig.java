package io.github.metarl4j.experiment.config;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One experiment, as written in its YAML file and as resolved into a run directory's
 * {@code resolved-config.yaml}: the family, the policy, the learner, how long to train and how to
 * evaluate. Every key is required except {@code run.executor} and {@code run.master}, which default to
 * {@link RunSettings#DEFAULT_EXECUTOR} and {@link RunSettings#DEFAULT_MASTER} (the resolved config
 * writes them); each part validates itself.
 *
 * @param name       the experiment's name, letters, digits, '.', '_' and '-' (names the default run directory)
 * @param seed       root of the seed tree
 * @param family     the task family
 * @param policy     the policy network
 * @param learner    the meta-learner
 * @param run        length, threads and checkpoints
 * @param evaluation the evaluation after training
 */
public record ExperimentConfig(String name, long seed, FamilyConfig family, PolicyConfig policy, LearnerConfig learner,
                               RunSettings run, EvaluationConfig evaluation) {

    /**
     * Checks the arguments and holds them:
     *
     * @param name       the experiment's name, letters, digits, '.', '_' and '-' (names the default run directory)
     * @param seed       root of the seed tree
     * @param family     the task family
     * @param policy     the policy network
     * @param learner    the meta-learner
     * @param run        length, threads and checkpoints
     * @param evaluation the evaluation after training
     */
    public ExperimentConfig {
        if (name == null || !name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("name must be letters, digits, '.', '_' or '-', got '" + name + "'");
        }
        if (family == null || policy == null || learner == null || run == null || evaluation == null) {
            throw new IllegalArgumentException("family, policy, learner, run and evaluation must be given");
        }
        learner.checkPolicy(policy);
        evaluation.steps(learner);
        if (!learner.hasPretrained() && (evaluation.baselines().contains(EvaluationConfig.Baseline.PRETRAINED)
                || evaluation.baselines().contains(EvaluationConfig.Baseline.FINE_TUNE))) {
            throw new IllegalArgumentException("evaluation.baselines: learner " + learner.name() + " has no pretrained "
                    + "reference; use [SCRATCH] or [], got " + evaluation.baselines());
        }
    }

    /**
     * Adds the keys that may be left out to a parsed config tree: {@code run.executor} and
     * {@code run.master}, when {@code run} is a mapping without them.
     */
    static void fillDefaults(ObjectNode root) {
        if (root.get("run") instanceof ObjectNode run) {
            if (!run.has("executor")) {
                run.put("executor", RunSettings.DEFAULT_EXECUTOR.name());
            }
            if (!run.has("master")) {
                run.put("master", RunSettings.DEFAULT_MASTER);
            }
        }
    }

    /** This experiment with another seed (the CLI's {@code --seed}). */
    public ExperimentConfig withSeed(long newSeed) {
        return new ExperimentConfig(name, newSeed, family, policy, learner, run, evaluation);
    }
}
