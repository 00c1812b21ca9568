package io.github.metarl4j.task;

/**
 * The meta-training and meta-test distributions of a family. For an out-of-distribution
 * split the two have disjoint supports (e.g. starts in the left half for training, in the
 * right half for testing); for an in-distribution split they are the same distribution and
 * held-out tasks are drawn with a separate generator.
 *
 * @param train the meta-training distribution
 * @param test  the meta-test distribution
 * @param <T>   task type
 */
public record TaskSplit<T extends Task>(TaskDistribution<T> train, TaskDistribution<T> test) {

    public TaskSplit {
        if (train == null || test == null) {
            throw new IllegalArgumentException("train and test distributions must be non-null");
        }
    }

    /** An in-distribution split: meta-test tasks come from the training distribution. */
    public static <T extends Task> TaskSplit<T> of(TaskDistribution<T> distribution) {
        return new TaskSplit<>(distribution, distribution);
    }

    /** The distribution of {@code part}. */
    public TaskDistribution<T> get(Part part) {
        return part == Part.TRAIN ? train : test;
    }

    /** Which side of the split. */
    public enum Part { TRAIN, TEST }
}
