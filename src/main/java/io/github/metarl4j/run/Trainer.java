package io.github.metarl4j.run;

import io.github.metarl4j.algo.MetaLearner;
import io.github.metarl4j.algo.MetaStepReport;
import io.github.metarl4j.algo.Metric;
import io.github.metarl4j.data.HostArrays;
import io.github.metarl4j.env.TaskFamily;
import io.github.metarl4j.random.SeedTree;
import io.github.metarl4j.task.Task;
import io.github.metarl4j.task.TaskSchedule;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The meta-training loop for any {@link MetaLearner}: batch b samples {@code metaBatch} tasks from
 * {@code schedule.at(b)} with the generator {@code seeds/tasks/b} and steps the learner with
 * {@code seeds/batch/b}. Every generator is a function of the seed tree and the batch index, so
 * a run resumed from a checkpoint after b batches continues exactly as the uninterrupted run would.
 *
 * <p>With a {@link CheckpointStore} the loop resumes from its newest intact checkpoint, writes one
 * every {@code checkpointEvery} batches, at the end, and when {@code stop} is raised (it then
 * finishes the current batch first); with a {@link MetricsLog} it appends one row per batch. A NaN
 * or infinite value of a guarded metric ({@link Metric#guarded()}: the objective, the gradient norm,
 * the KL) or of a parameter stops the loop with a {@link NonFiniteValueException} before anything of
 * that batch is written.
 */
public final class Trainer {

    /**
     * Where a run keeps its state; either part may be absent (an in-memory run keeps neither).
     *
     * @param checkpoints     the checkpoint store
     * @param metrics         the metrics log
     * @param checkpointEvery batches between checkpoints, >= 1
     * @param config          the resolved config's text, written into every checkpoint ({@link Checkpoint#config})
     */
    public record Persistence(Optional<CheckpointStore> checkpoints, Optional<MetricsLog> metrics,
                              int checkpointEvery, String config) {

        /**
         * Checks the arguments and holds them:
         *
         * @param checkpoints     the checkpoint store
         * @param metrics         the metrics log
         * @param checkpointEvery batches between checkpoints, >= 1
         * @param config          the resolved config's text, written into every checkpoint ({@link Checkpoint#config})
         */
        public Persistence {
            if (checkpointEvery < 1) {
                throw new IllegalArgumentException("checkpointEvery must be >= 1, got " + checkpointEvery);
            }
        }

        /** Nothing written: an in-memory run. */
        public static Persistence none() {
            return new Persistence(Optional.empty(), Optional.empty(), 1, "");
        }
    }

    private final Persistence persistence;
    private final Progress progress;

    /**
     * @param persistence checkpoints and metrics, or {@link Persistence#none()}
     * @param progress    shows progress, resumption, stop requests and warnings
     */
    public Trainer(Persistence persistence, Progress progress) {
        this.persistence = persistence;
        this.progress = progress;
    }

    /**
     * Trains {@code learner} up to {@code totalBatches} meta-batches (resuming from the newest
     * checkpoint if there is one) and returns the number of batches done.
     */
    public <T extends Task, O, A> long train(String name, MetaLearner learner, TaskFamily<T, O, A> family,
                                             TaskSchedule<T> schedule, int metaBatch, long totalBatches,
                                             SeedTree seeds, AtomicBoolean stop) {
        long start = 0;
        if (persistence.checkpoints().isPresent()) {
            Optional<Checkpoint> last = persistence.checkpoints().get().latest(progress::message);
            if (last.isPresent()) {
                learner.restore(last.get().state());
                start = last.get().batchesDone();
                if (start < totalBatches) {
                    progress.message(name + ": resuming after batch " + start + " of " + totalBatches);
                }
            } else if (persistence.metrics().isPresent() && !persistence.metrics().get().batches().isEmpty()) {
                progress.message(name + ": no intact checkpoint in " + persistence.checkpoints().get().dir() + " for the "
                        + persistence.metrics().get().batches().size() + " logged batches; training restarts from batch 0");
            }
        }
        progress.start(name, start, totalBatches);
        long first = start;
        persistence.metrics().ifPresent(m -> m.truncate(first));
        long done = start;
        for (long b = start; b < totalBatches; b++) {
            List<T> tasks = schedule.at(Math.toIntExact(b)).sample(metaBatch, seeds.child("tasks").child(b).generator());
            MetaStepReport r = learner.metaStep(family, tasks, seeds.child("batch").child(b).generator());
            check(b, r, learner);
            long batch = b;
            persistence.metrics().ifPresent(m -> m.append(batch, r));
            done = b + 1;
            boolean stopping = stop.get();
            if (done % persistence.checkpointEvery() == 0 || done == totalBatches || stopping) {
                long d = done;
                persistence.checkpoints().ifPresent(c -> c.write(new Checkpoint(d, learner.state(), persistence.config())));
            }
            progress.batch(name, done, totalBatches, r);
            if (stopping) {
                progress.message(name + ": stopped on request after batch " + done + "; resume continues from there");
                break;
            }
        }
        return done;
    }

    private static void check(long batch, MetaStepReport r, MetaLearner learner) {
        for (int i = 0; i < r.metrics().size(); i++) {
            Metric m = r.metrics().get(i);
            if (m.guarded() && !Double.isFinite(r.values()[i])) {
                throw new NonFiniteValueException(batch, m.name(), String.valueOf(r.values()[i]));
            }
        }
        double[] theta = HostArrays.read(learner.parameters());
        for (int i = 0; i < theta.length; i++) {
            if (!Double.isFinite(theta[i])) {
                throw new NonFiniteValueException(batch, "parameters", "parameter " + i + " is " + theta[i]);
            }
        }
    }
}
