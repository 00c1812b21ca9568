package io.github.metarl4j.examples;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Where a Spark application's task time goes, from Spark's task metrics: the time tasks ran, the CPU
 * time they used, and the work around them (deserialising the task, serialising its result, the
 * driver fetching it), summed over all finished tasks.
 */
final class TaskTimes extends SparkListener {

    /**
     * Sums in seconds.
     *
     * @param runSeconds      executor run time
     * @param cpuSeconds      executor CPU time
     * @param overheadSeconds task deserialisation, result serialisation and result fetching
     */
    record Totals(double runSeconds, double cpuSeconds, double overheadSeconds) {

        static final Totals ZERO = new Totals(0, 0, 0);

        Totals minus(Totals o) {
            return new Totals(runSeconds - o.runSeconds, cpuSeconds - o.cpuSeconds, overheadSeconds - o.overheadSeconds);
        }

        Totals over(int n) {
            return new Totals(runSeconds / n, cpuSeconds / n, overheadSeconds / n);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "task run %.3f s, task CPU %.3f s, around tasks %.3f s", runSeconds,
                    cpuSeconds, overheadSeconds);
        }
    }

    private final AtomicLong runMs = new AtomicLong();
    private final AtomicLong cpuNs = new AtomicLong();
    private final AtomicLong aroundMs = new AtomicLong();

    /** A listener registered on {@code spark}. */
    static TaskTimes listen(JavaSparkContext spark) {
        TaskTimes t = new TaskTimes();
        spark.sc().addSparkListener(t);
        return t;
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
        TaskMetrics m = end.taskMetrics();
        if (m == null) {
            return;
        }
        runMs.addAndGet(m.executorRunTime());
        cpuNs.addAndGet(m.executorCpuTime());
        aroundMs.addAndGet(m.executorDeserializeTime() + m.resultSerializationTime() + end.taskInfo().gettingResultTime());
    }

    /** The sums so far (the listener bus delivers events shortly after the tasks end). */
    Totals totals() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new Totals(runMs.get() / 1e3, cpuNs.get() / 1e9, aroundMs.get() / 1e3);
    }
}
