package io.github.metarl4j.examples;

import io.github.metarl4j.algo.MetaStepReport;
import io.github.metarl4j.algo.Metric;
import io.github.metarl4j.algo.maml.Maml;
import io.github.metarl4j.algo.maml.MamlConfig;
import io.github.metarl4j.data.HostArrays;
import io.github.metarl4j.envs.navigation.Navigation2D;
import io.github.metarl4j.envs.navigation.NavigationTask;
import io.github.metarl4j.nn.Activation;
import io.github.metarl4j.policy.GaussianMlpPolicy;
import io.github.metarl4j.random.SeedTree;
import io.github.metarl4j.sampler.LockstepSampler;
import io.github.metarl4j.sampler.Sampler;
import io.github.metarl4j.spark.FamilySource;
import io.github.metarl4j.spark.LocalCluster;
import io.github.metarl4j.spark.SparkSampler;
import io.github.metarl4j.spark.SparkSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Seconds per meta-batch of MAML-TRPO on the MAML paper's 2D-navigation configuration (as
 * {@link MamlBenchmark}: 20 tasks x 20 episodes x 100 steps, 2-64-64 float policy, 10 CG
 * iterations) on three back ends side by side, each from the same seeds: in process on 2 threads,
 * embedded Spark {@code local[2]}, and a standalone cluster of two one-core workers on this machine
 * ({@link LocalCluster}). Prints each back end's median over the batches after warm-up, its ratio to
 * in process, the Spark jobs per meta-batch and the median time of an empty job (the per-job
 * overhead), where the Spark tasks' time went (run time and CPU time inside the tasks, and the
 * deserialisation, result serialisation and fetching around them, summed over a batch's tasks), and
 * whether the three runs' parameters are identical. The last line is key=value pairs.
 *
 * <pre>SparkBenchmark [--batches N] [--smoke]</pre>
 */
public final class SparkBenchmark {

    private SparkBenchmark() {
    }

    private record Result(double median, double jobsPerBatch, double emptyJobMs, double[] parameters,
                          TaskTimes.Totals perBatch) {
    }

    public static void main(String[] args) throws Exception {
        boolean smoke = List.of(args).contains("--smoke");
        int batches = smoke ? 1 : BenchmarkArgs.intArg(args, "--batches", 6);
        int warmup = smoke ? 1 : 2;
        int tasks = smoke ? 2 : 20;
        int episodes = smoke ? 2 : 20;
        MamlConfig config = MamlConfig.builder().metaBatch(tasks).fastBatch(episodes).build();
        FamilySource navigation = Navigation2D::family;
        Result here = run("in process, 2 threads", new LockstepSampler(2, DataType.FLOAT), config, warmup, batches);
        Result local = run("local[2]", SparkSampler.start(SparkSettings.conf("local[2]", "benchmark"), navigation,
                DataType.FLOAT), config, warmup, batches);
        Path home = Files.createTempDirectory("metarl4j-cluster-");
        Result standalone;
        try (LocalCluster cluster = new LocalCluster(home, 2)) {
            standalone = run("standalone, 2 workers", SparkSampler.start(cluster.configure(
                    SparkSettings.conf(cluster.url(), "benchmark")), navigation, DataType.FLOAT), config, warmup,
                    batches);
        }
        boolean identical = Arrays.equals(here.parameters(), local.parameters())
                && Arrays.equals(here.parameters(), standalone.parameters());
        System.out.printf("in_process_s=%.3f local2_s=%.3f standalone2_s=%.3f local2_ratio=%.2f standalone2_ratio=%.2f "
                        + "jobs_per_batch=%.1f empty_job_ms_local=%.1f empty_job_ms_standalone=%.1f "
                        + "standalone_task_run_s=%.3f standalone_task_cpu_s=%.3f standalone_task_overhead_s=%.3f "
                        + "identical=%b batches=%d%n", here.median(), local.median(), standalone.median(),
                local.median() / here.median(), standalone.median() / here.median(), standalone.jobsPerBatch(),
                local.emptyJobMs(), standalone.emptyJobMs(), standalone.perBatch().runSeconds(),
                standalone.perBatch().cpuSeconds(), standalone.perBatch().overheadSeconds(), identical, batches);
    }

    private static Result run(String name, Sampler sampler, MamlConfig config, int warmup, int batches) {
        var policy = new GaussianMlpPolicy(2, new int[] {64, 64}, 2, Activation.TANH, 0.0, DataType.FLOAT);
        var family = Navigation2D.family();
        SeedTree root = SeedTree.root(1);
        INDArray theta = policy.initialParameters(root.child("init").generator());
        double[] total = new double[batches];
        long jobsBefore = 0;
        double emptyJobMs = Double.NaN;
        double[] parameters;
        TaskTimes times = sampler instanceof SparkSampler spark ? TaskTimes.listen(spark.context()) : null;
        TaskTimes.Totals atWarmup = TaskTimes.Totals.ZERO;
        try (sampler; Maml maml = new Maml(config, policy, theta, sampler)) {
            for (int i = 0; i < warmup + batches; i++) {
                if (i == warmup && sampler instanceof SparkSampler spark) {
                    jobsBefore = spark.jobs();
                    atWarmup = times.totals();
                }
                List<NavigationTask> ts = family.tasks().train().sample(config.metaBatch(),
                        root.child("tasks").child(i).generator());
                long t0 = System.nanoTime();
                MetaStepReport step = maml.metaStep(family, ts, root.child("batch").child(i).generator());
                double secs = (System.nanoTime() - t0) / 1e9;
                System.out.printf("%-22s batch %2d  %.2f s (sampling %.2f, adaptation %.2f, outer %.2f)  return %.2f -> "
                                + "%.2f%n", name, i, secs, step.value(Metric.SAMPLING_S), step.value(Metric.ADAPTATION_S),
                        step.value(Metric.OUTER_S), step.value(Metric.RETURN_BEFORE), step.value(Metric.RETURN_AFTER));
                if (i >= warmup) {
                    total[i - warmup] = secs;
                }
            }
            parameters = HostArrays.read(maml.parameters());
            double jobs = Double.NaN;
            TaskTimes.Totals perBatch = TaskTimes.Totals.ZERO;
            if (sampler instanceof SparkSampler spark) {
                jobs = (spark.jobs() - jobsBefore) / (double) batches;
                perBatch = times.totals().minus(atWarmup).over(batches);
                emptyJobMs = emptyJobMs(spark);
            }
            double median = BenchmarkArgs.median(total);
            System.out.printf("%-22s median %.3f s per meta-batch%s%n", name, median,
                    perBatch == TaskTimes.Totals.ZERO ? "" : "; per batch, summed over tasks: " + perBatch);
            return new Result(median, jobs, emptyJobMs, parameters, perBatch);
        }
    }

    /** The median wall time of a job that maps two elements to themselves, in milliseconds. */
    private static double emptyJobMs(SparkSampler spark) {
        List<Integer> two = List.of(0, 1);
        double[] ms = new double[20];
        for (int i = 0; i < ms.length + 5; i++) {
            long t0 = System.nanoTime();
            spark.context().parallelize(two, 2).map(x -> x).collect();
            if (i >= 5) {
                ms[i - 5] = (System.nanoTime() - t0) / 1e6;
            }
        }
        return BenchmarkArgs.median(ms);
    }
}
