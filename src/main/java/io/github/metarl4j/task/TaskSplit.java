package io.github.metarl4j.task;

import java.util.List;
import java.util.Optional;

/**
 * A family's three task sets: meta-training tasks, validation tasks (for choosing settings such as
 * step sizes) and test tasks (held out for the reported results). Where the training set and a
 * held-out set both have finite supports, those supports must be disjoint, so "held-out" always
 * means not seen in training; an evaluation that chooses settings on the validation set also
 * requires it to be disjoint from the test set ({@link #requireDisjointValidation()}). For
 * an out-of-distribution split the test distribution differs from the training one (e.g. starts in
 * another room); for an in-distribution split over a continuum ({@link #of}) all three are the same
 * distribution and held-out tasks are drawn with separate generators.
 *
 * @param train      the meta-training distribution
 * @param validation the validation distribution
 * @param test       the meta-test distribution
 * @param <T>        task type
 */
public record TaskSplit<T extends Task>(TaskDistribution<T> train, TaskDistribution<T> validation,
                                        TaskDistribution<T> test) {

    /**
     * Checks the arguments and holds them:
     *
     * @param train      the meta-training distribution
     * @param validation the validation distribution
     * @param test       the meta-test distribution
     */
    public TaskSplit {
        if (train == null || validation == null || test == null) {
            throw new IllegalArgumentException("train, validation and test distributions must be non-null");
        }
        disjoint("train", train, "validation", validation);
        disjoint("train", train, "test", test);
    }

    /**
     * Throws unless the validation and test sets are disjoint where both are finite, as they must be
     * when settings chosen on the validation set are reported on the test set.
     *
     * @throws IllegalArgumentException naming the shared tasks
     */
    public void requireDisjointValidation() {
        disjoint("validation", validation, "test", test);
    }

    /**
     * An in-distribution split over a continuum: every part is {@code distribution}.
     *
     * @throws IllegalArgumentException if {@code distribution} has a finite support, which would put
     *                                  training tasks among the held-out ones
     */
    public static <T extends Task> TaskSplit<T> of(TaskDistribution<T> distribution) {
        if (distribution != null && distribution.support().isPresent()) {
            throw new IllegalArgumentException("a distribution over " + distribution.support().get().size()
                    + " tasks cannot be its own held-out set; give disjoint train, validation and test tasks");
        }
        return new TaskSplit<>(distribution, distribution, distribution);
    }

    /** The distribution of {@code part}. */
    public TaskDistribution<T> get(Part part) {
        return switch (part) {
            case TRAIN -> train;
            case VALIDATION -> validation;
            case TEST -> test;
        };
    }

    private static <T extends Task> void disjoint(String a, TaskDistribution<T> x, String b, TaskDistribution<T> y) {
        Optional<List<T>> xs = x.support();
        Optional<List<T>> ys = y.support();
        if (xs.isEmpty() || ys.isEmpty()) {
            return;
        }
        List<T> shared = xs.get().stream().filter(ys.get()::contains).toList();
        if (!shared.isEmpty()) {
            throw new IllegalArgumentException(a + " and " + b + " tasks must be disjoint, but share " + shared.size()
                    + ": " + shared.subList(0, Math.min(4, shared.size())) + (shared.size() > 4 ? " ..." : ""));
        }
    }

    /** Which set of the split. */
    public enum Part { TRAIN, VALIDATION, TEST }
}
