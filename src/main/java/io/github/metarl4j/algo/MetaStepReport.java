package io.github.metarl4j.algo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What one meta-iteration did: a value for every metric the learner declares ({@link MetaLearner#metrics()}),
 * which always include {@link Metric#REQUIRED}; one row of a run's metrics. Built by name through
 * {@link #builder}.
 *
 * @param metrics the learner's metrics, in its column order
 * @param values  each metric's value, in the same order
 */
public record MetaStepReport(List<Metric> metrics, double[] values) {

    /**
     * Checks the arguments and holds them:
     *
     * @param metrics the learner's metrics, names unique, including {@link Metric#REQUIRED}
     * @param values  one value per metric; copied
     */
    public MetaStepReport {
        metrics = List.copyOf(metrics);
        if (values.length != metrics.size()) {
            throw new IllegalArgumentException(metrics.size() + " metrics but " + values.length + " values");
        }
        Set<String> names = new HashSet<>();
        for (Metric m : metrics) {
            if (!names.add(m.name())) {
                throw new IllegalArgumentException("metric '" + m.name() + "' declared twice");
            }
        }
        for (Metric m : Metric.REQUIRED) {
            if (!metrics.contains(m)) {
                throw new IllegalArgumentException("every learner reports " + m.name() + "; declared: " + names);
            }
        }
        values = values.clone();
    }

    /** A report of {@code metrics}, filled in by name. */
    public static Builder builder(List<Metric> metrics) {
        return new Builder(metrics);
    }

    /**
     * A report of an offline learner, which observes no return and samples no episode: the returns
     * NaN, the environment steps and the sampling and adaptation times 0, the outer step's time
     * {@code seconds}; the learner's own metrics are then set by name.
     */
    public static Builder offline(List<Metric> metrics, double seconds) {
        return new Builder(metrics).set(Metric.RETURN_BEFORE, Double.NaN).set(Metric.RETURN_AFTER, Double.NaN)
                .set(Metric.ENV_STEPS, 0).set(Metric.SAMPLING_S, 0).set(Metric.ADAPTATION_S, 0)
                .set(Metric.OUTER_S, seconds);
    }

    /**
     * The value of {@code metric}.
     *
     * @throws IllegalArgumentException if the learner does not report it
     */
    public double value(Metric metric) {
        int i = metrics.indexOf(metric);
        if (i < 0) {
            throw new IllegalArgumentException("this learner does not report " + metric.name() + "; it reports "
                    + metrics.stream().map(Metric::name).toList());
        }
        return values[i];
    }

    /** Sampling, adaptation and outer step together, in seconds. */
    public double totalSecs() {
        return value(Metric.SAMPLING_S) + value(Metric.ADAPTATION_S) + value(Metric.OUTER_S);
    }

    /** This report with {@code metric} set to {@code value} (a test's poisoned step). */
    public MetaStepReport with(Metric metric, double value) {
        double[] v = values.clone();
        v[metrics.indexOf(metric)] = value;
        return new MetaStepReport(metrics, v);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MetaStepReport r && metrics.equals(r.metrics) && Arrays.equals(values, r.values);
    }

    @Override
    public int hashCode() {
        return 31 * metrics.hashCode() + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < metrics.size(); i++) {
            out.add(metrics.get(i).name() + "=" + metrics.get(i).format(values[i]));
        }
        return "MetaStepReport" + out;
    }

    /** Fills a report's values by metric; {@link #build} checks that none is missing. */
    public static final class Builder {

        private final List<Metric> metrics;
        private final double[] values;
        private final boolean[] set;

        private Builder(List<Metric> metrics) {
            this.metrics = List.copyOf(metrics);
            this.values = new double[metrics.size()];
            this.set = new boolean[metrics.size()];
        }

        /**
         * Sets {@code metric} to {@code value}.
         *
         * @throws IllegalArgumentException if the learner did not declare {@code metric}
         */
        public Builder set(Metric metric, double value) {
            int i = metrics.indexOf(metric);
            if (i < 0) {
                throw new IllegalArgumentException("metric " + metric.name() + " is not declared; declared: "
                        + metrics.stream().map(Metric::name).toList());
            }
            values[i] = value;
            set[i] = true;
            return this;
        }

        /** Sets a flag metric: 1 for true, 0 for false. */
        public Builder set(Metric metric, boolean value) {
            return set(metric, value ? 1 : 0);
        }

        /**
         * The report.
         *
         * @throws IllegalStateException naming a declared metric that was not set
         */
        public MetaStepReport build() {
            for (int i = 0; i < set.length; i++) {
                if (!set[i]) {
                    throw new IllegalStateException("metric " + metrics.get(i).name() + " was not reported");
                }
            }
            return new MetaStepReport(metrics, values);
        }
    }
}
