package io.github.metarl4j.experiment;

import io.github.metarl4j.eval.AdaptationCurve;
import io.github.metarl4j.eval.SeedSummary;
import io.github.metarl4j.experiment.config.EvaluationConfig;
import io.github.metarl4j.experiment.config.ExperimentConfig;
import io.github.metarl4j.experiment.config.RunSettings;
import io.github.metarl4j.experiment.layout.RunDirectory;
import io.github.metarl4j.run.Progress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * One experiment over several training seeds: a folder holding {@code sweep.txt} (the seeds) and one
 * run directory {@code seed-N} per seed, trained and evaluated in parallel on the machine's cores
 * (as many seeds at once as there are cores, each with the remaining cores' share of threads, which
 * does not change any result), then summarised across seeds ({@link SeedSummary}) into
 * {@code summary-curves.csv}, {@code summary-differences.csv} and {@code summary-headline.csv}. Each
 * seed's run can be resumed, evaluated and reported on its own; the sweep resumes every unfinished one.
 *
 * @param root the folder
 */
public record Sweep(Path root) {

    /** The file that marks a sweep and lists its seeds. */
    public static final String SEEDS = "sweep.txt";

    /**
     * Creates the sweep of {@code config} over {@code seeds} in {@code root} (which must not exist or be
     * empty), with one run directory per seed.
     *
     * @throws IllegalArgumentException if {@code root} holds files, or the seeds are empty or repeat
     */
    public static Sweep create(Path root, ExperimentConfig config, List<Long> seeds, int cores) {
        if (seeds.isEmpty() || seeds.stream().distinct().count() < seeds.size()) {
            throw new IllegalArgumentException("seeds must be a non-empty list without repeats, got " + seeds);
        }
        int workers = Math.min(seeds.size(), Math.max(1, cores));
        int threads = Math.max(1, cores / workers);
        RunSettings r = config.run();
        ExperimentConfig perSeed = new ExperimentConfig(config.name(), config.seed(), config.family(), config.policy(),
                config.learner(), new RunSettings(r.metaBatches(), threads, r.checkpointEvery(), r.keepCheckpoints(), r.executor(),
                        r.master()),
                config.evaluation());
        RunDirectory.requireEmpty(root);
        for (long seed : seeds) {
            RunDirectory.create(root.resolve("seed-" + seed), perSeed.withSeed(seed));
        }
        EvaluationFiles.write(root.resolve(SEEDS), String.join("\n", seeds.stream().map(String::valueOf).toList()) + "\n");
        return new Sweep(root);
    }

    /** Whether {@code root} is a sweep. */
    public static boolean isSweep(Path root) {
        return Files.isRegularFile(root.resolve(SEEDS));
    }

    /** The seeds' run directories, in the order the sweep lists them. */
    public List<RunDirectory> runs() {
        try (Stream<String> lines = Files.lines(root.resolve(SEEDS))) {
            return lines.map(String::strip).filter(s -> !s.isEmpty()).map(s -> RunDirectory.open(root.resolve("seed-" + s)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + root.resolve(SEEDS), e);
        }
    }

    /** The experiment as resolved for the first seed (every seed's differs only in its seed). */
    public ExperimentConfig config() {
        return runs().get(0).config();
    }

    /**
     * Trains (resuming each seed from its newest checkpoints) and evaluates every seed, as many at
     * once as there are {@code workers}, then writes and returns the summary; {@code done} hears
     * each finished seed.
     *
     * @return the summary, or empty after a stop request
     */
    public Optional<SeedSummary> run(int workers, AtomicBoolean stop, Consumer<String> done) {
        List<RunDirectory> runs = runs();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(workers, runs.size())));
        try {
            List<Future<Optional<Evaluation>>> jobs = new ArrayList<>();
            for (RunDirectory run : runs) {
                jobs.add(pool.submit(() -> {
                    ExperimentConfig c = run.config();
                    Experiment<?, ?, ?> experiment = Experiment.of(c);
                    if (!experiment.train(run, Progress.none(), stop)) {
                        return Optional.<Evaluation>empty();
                    }
                    Evaluation e = experiment.evaluate(run, c.evaluation());
                    done.accept("seed " + c.seed() + " done: " + run.root());
                    return Optional.of(e);
                }));
            }
            List<Evaluation> evaluations = new ArrayList<>();
            for (Future<Optional<Evaluation>> job : jobs) {
                Optional<Evaluation> e = job.get();
                if (e.isEmpty()) {
                    stop.set(true);
                } else {
                    evaluations.add(e.get());
                }
            }
            if (evaluations.size() < runs.size()) {
                return Optional.empty();
            }
            return Optional.of(summarise(evaluations));
        } catch (ExecutionException e) {
            stop.set(true);
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("sweep interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Evaluates every seed (each must have finished training) and writes and returns the summary.
     *
     * @throws IllegalStateException if a seed has not finished training
     */
    public SeedSummary evaluate(EvaluationConfig evaluation) {
        List<Evaluation> evaluations = new ArrayList<>();
        for (RunDirectory run : runs()) {
            evaluations.add(Experiment.of(run.config()).evaluate(run, evaluation));
        }
        return summarise(evaluations);
    }

    private SeedSummary summarise(List<Evaluation> evaluations) {
        List<List<AdaptationCurve>> curves = evaluations.stream().map(e -> e.test().curves()).toList();
        Evaluation first = evaluations.get(0);
        SeedSummary summary = SeedSummary.of(curves, first.target(), first.episodesPerStep());
        SweepFiles.write(root, summary, first.episodesPerStep() * first.test().curves().get(0).steps());
        return summary;
    }
}
