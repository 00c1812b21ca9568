package io.github.metarl4j.algo.maml;

import io.github.metarl4j.algo.MetaStepReport;
import io.github.metarl4j.algo.Metric;
import io.github.metarl4j.optim.Trpo;

/** The policy-gradient columns ({@link Metric#POLICY_GRADIENT}) of an outer step's result, shared by MAML and pretraining. */
final class OuterStepMetrics {

    private OuterStepMetrics() {
    }

    /** {@code report} with the objective before and after, the KL, the gradient norm, acceptance and backtracks of {@code r}. */
    static MetaStepReport.Builder of(MetaStepReport.Builder report, Trpo.Result r) {
        return report.set(Metric.OBJECTIVE_BEFORE, r.valueBefore())
                .set(Metric.OBJECTIVE_AFTER, r.valueAfter())
                .set(Metric.KL, r.kl())
                .set(Metric.GRADIENT_NORM, r.gradientNorm())
                .set(Metric.ACCEPTED, r.accepted())
                .set(Metric.BACKTRACKS, r.backtracks());
    }
}
