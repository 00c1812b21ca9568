package io.github.metarl4j.experiment.layout;

import io.github.metarl4j.experiment.config.EvaluationConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Whose files a part of a run directory holds: the learner's, at the top, or a trained reference's
 * (the pretrained and fine-tuning baselines), in the folder named by its label.
 *
 * @param folder the reference's folder, or empty for the learner
 */
public record Role(Optional<String> folder) {

    /** The learner: its metrics and checkpoints are at the run directory's top. */
    public static final Role LEARNER = new Role(Optional.empty());
    /** The pretrained reference, in {@code pretrained/}. */
    public static final Role PRETRAINED = new Role(Optional.of(EvaluationConfig.Baseline.PRETRAINED.label()));
    /** The fine-tuning reference, in {@code fine-tune/}. */
    public static final Role FINE_TUNE = new Role(Optional.of(EvaluationConfig.Baseline.FINE_TUNE.label()));
    /** Every role, the learner first. */
    public static final List<Role> ALL = List.of(LEARNER, PRETRAINED, FINE_TUNE);

    /**
     * Checks the argument and holds it:
     *
     * @param folder the reference's folder, or empty for the learner
     */
    public Role {
        if (folder == null || folder.filter(f -> f.isEmpty() || f.contains("/") || f.startsWith(".")).isPresent()) {
            throw new IllegalArgumentException("a role's folder must be a plain non-empty name or none, got " + folder);
        }
    }

    /**
     * The role of a trained reference.
     *
     * @throws IllegalArgumentException for SCRATCH, which is not trained
     */
    public static Role of(EvaluationConfig.Baseline baseline) {
        return switch (baseline) {
            case PRETRAINED -> PRETRAINED;
            case FINE_TUNE -> FINE_TUNE;
            case SCRATCH -> throw new IllegalArgumentException("SCRATCH is not trained");
        };
    }

    /** Whether this is the learner's role. */
    public boolean isLearner() {
        return folder.isEmpty();
    }

    /** The folder of this role's files under the run directory {@code root}. */
    public Path in(Path root) {
        return folder.map(root::resolve).orElse(root);
    }

    /** The arm's name in messages and tables: {@code learner} for the learner, the label for a reference. */
    public String arm(String learner) {
        return folder.orElse(learner);
    }
}
