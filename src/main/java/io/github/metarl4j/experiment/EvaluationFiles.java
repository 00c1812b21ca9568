package io.github.metarl4j.experiment;

import io.github.metarl4j.eval.AdaptationCurve;
import io.github.metarl4j.eval.AdaptationTable;
import io.github.metarl4j.eval.StepSizeSearch;
import io.github.metarl4j.experiment.layout.RunDirectory;
import io.github.metarl4j.task.TaskSplit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * Writes an {@link Evaluation} into a run's {@code evaluation/} folder: the validation and test
 * tables ({@link AdaptationTable#csv}), {@code step-sizes.csv} (every arm's validation score of every
 * step size, and the chosen one) and {@code summary.csv} (per arm on the test tasks: the area under
 * the fraction-of-optimal curve, the first k reaching the target and the episodes before it, empty
 * where it is not reached; where the family has no oracle, the mean return over k) and, where the
 * fine-tuning reference is evaluated, {@code source.csv} (its phase-1 policy on its source tasks).
 */
final class EvaluationFiles {

    /** The step-size table's file name. */
    static final String STEP_SIZES = "step-sizes.csv";
    /** The per-arm summary's file name. */
    static final String SUMMARY = "summary.csv";
    /** The fine-tuning reference's phase-1 score on its source tasks. */
    static final String SOURCE = "source.csv";
    /** An offline learner's normalised score on its data's own task distribution. */
    static final String OFFLINE = "offline-score.csv";

    private EvaluationFiles() {
    }

    static void write(RunDirectory dir, Evaluation e) {
        write(dir.evaluationTable(TaskSplit.Part.VALIDATION), AdaptationTable.csv(e.validation().curves()));
        write(dir.evaluationTable(TaskSplit.Part.TEST), AdaptationTable.csv(e.test().curves()));
        StringBuilder steps = new StringBuilder("arm,step_size,validation_score,chosen\n");
        for (StepSizeSearch.Choice c : e.stepSizes()) {
            for (int i = 0; i < c.grid().size(); i++) {
                steps.append(String.format(Locale.ROOT, "%s,%s,%.6f,%d%n", c.name(), c.grid().get(i), c.scores().get(i),
                        c.grid().get(i) == c.chosen() ? 1 : 0));
            }
        }
        write(dir.evaluationFile(STEP_SIZES), steps.toString());
        write(dir.evaluationFile(SUMMARY), summary(e));
        e.offline().ifPresent(o -> write(dir.evaluationFile(OFFLINE), String.format(Locale.ROOT,
                "tasks,return,return_half_width,random,random_half_width,optimal,normalised,normalised_half_width%n"
                        + "%d,%s,%s,%s,%s,%s,%s,%s%n", o.learned().n(), o.learned().mean(), o.learned().halfWidth(),
                o.random().mean(), o.random().halfWidth(), o.optimal(), o.normalised().mean(),
                o.normalised().halfWidth())));
        e.source().ifPresent(c -> write(dir.evaluationFile(SOURCE), String.format(Locale.ROOT,
                "arm,tasks,return,fraction%n%s,%d,%.6f,%s%n", c.name(), c.returns().get(0).n(), c.returns().get(0).mean(),
                c.fractionOfOptimal().isEmpty() ? "" : String.format(Locale.ROOT, "%.6f",
                        c.fractionOfOptimal().get(0).mean()))));
    }

    private static String summary(Evaluation e) {
        boolean oracle = e.test().meanOptimal().isPresent();
        StringBuilder sb = new StringBuilder(oracle ? "arm,fraction_area,k_to_target,episodes_to_target,final_fraction\n"
                : "arm,mean_return_over_k,final_return\n");
        for (AdaptationCurve c : e.test().curves()) {
            if (oracle) {
                OptionalInt k = c.firstReaching(e.target());
                sb.append(String.format(Locale.ROOT, "%s,%.6f,%s,%s,%.6f%n", c.name(), c.fractionArea(),
                        k.isPresent() ? String.valueOf(k.getAsInt()) : "",
                        k.isPresent() ? String.valueOf(k.getAsInt() * e.episodesPerStep()) : "",
                        c.fractionOfOptimal().get(c.steps()).mean()));
            } else {
                double mean = c.returns().stream().mapToDouble(r -> r.mean()).average().orElseThrow();
                sb.append(String.format(Locale.ROOT, "%s,%.6f,%.6f%n", c.name(), mean, c.returns().get(c.steps()).mean()));
            }
        }
        return sb.toString();
    }

    /** Writes {@code text} to {@code file}, creating its folder. */
    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            io.github.metarl4j.run.AtomicFiles.write(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
