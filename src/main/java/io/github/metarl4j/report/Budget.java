package io.github.metarl4j.report;

import io.github.metarl4j.experiment.layout.Role;
import io.github.metarl4j.experiment.layout.RunDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a trained arm of a run spent, read from its {@code metrics.csv}: updates (meta-batches),
 * environment steps and training time (sampling, adaptation and outer step).
 *
 * @param arm      the learner's name or the reference's role
 * @param updates  meta-batches done
 * @param envSteps environment steps sampled
 * @param seconds  training time in seconds
 */
public record Budget(String arm, long updates, double envSteps, double seconds) {

    /** The budgets of the learner and of every trained reference of {@code run} that has metrics. */
    public static List<Budget> of(RunDirectory run) {
        List<Budget> out = new ArrayList<>();
        String learner = run.config().learner().name();
        for (Role role : Role.ALL) {
            Path csv = run.metricsCsv(role);
            if (Files.exists(csv)) {
                CsvTable t = CsvTable.read(csv);
                out.add(new Budget(role.arm(learner), t.rows(), HtmlReport.sum(t.column("env_steps")),
                        HtmlReport.sum(t.column("sampling_s")) + HtmlReport.sum(t.column("adaptation_s"))
                                + HtmlReport.sum(t.column("outer_s"))));
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s %d updates, %.0f environment steps, %.1f s", arm, updates, envSteps, seconds);
    }
}
