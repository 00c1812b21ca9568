package io.github.metarl4j.examples;

import io.github.metarl4j.sampler.LockstepSampler;
import io.github.metarl4j.algo.Metric;
import io.github.metarl4j.algo.MetaStepReport;
import io.github.metarl4j.algo.maml.Maml;
import io.github.metarl4j.algo.maml.MamlConfig;
import io.github.metarl4j.envs.navigation.Navigation2D;
import io.github.metarl4j.envs.navigation.NavigationTask;
import io.github.metarl4j.nn.Activation;
import io.github.metarl4j.policy.GaussianMlpPolicy;
import io.github.metarl4j.random.SeedTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Seconds per meta-batch of MAML-TRPO in the MAML paper's 2D-navigation configuration (20 tasks
 * x 20 episodes x 100 steps, one inner step of 0.1, TRPO with max-KL 0.01, 10 CG iterations, 15
 * line-search steps, policy 2-64-64 tanh Gaussian), float precision: the median over batches
 * after warm-up, its split into sampling, adaptation and outer step, environment steps per
 * second and peak RSS; the exact floating-point operations of its matrix products
 * ({@link io.github.metarl4j.nn.Mlp#matrixFlops}), the rate they were achieved at, and the
 * machine's float gemm rate on all threads measured in the same run (a large square product, and
 * the policy's own {@code [2000, 64] x [64, 64]} shape), so that the distance to the limit is a
 * number. The last line is {@code key=value} pairs.
 *
 * <pre>MamlBenchmark [--batches N] [--threads N] [--smoke]</pre>
 */
public final class MamlBenchmark {

    private MamlBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        boolean smoke = List.of(args).contains("--smoke");
        int batches = smoke ? 2 : BenchmarkArgs.intArg(args, "--batches", 8);
        int warmup = smoke ? 1 : 2;
        int threads = BenchmarkArgs.intArg(args, "--threads", Runtime.getRuntime().availableProcessors());
        int tasks = smoke ? 2 : 20;
        int episodes = smoke ? 2 : 20;
        var policy = new GaussianMlpPolicy(2, new int[] {64, 64}, 2, Activation.TANH, 0.0, DataType.FLOAT);
        MamlConfig config = MamlConfig.builder().metaBatch(tasks).fastBatch(episodes).build();
        var family = Navigation2D.family();
        SeedTree root = SeedTree.root(1);
        INDArray theta = policy.initialParameters(root.child("init").generator());
        double[] total = new double[batches];
        double[] sampling = new double[batches];
        double[] adaptation = new double[batches];
        double[] outer = new double[batches];
        double[] flops = new double[batches];
        long envSteps = 0;
        try (LockstepSampler sampler = new LockstepSampler(threads, policy.dataType());
             Maml maml = new Maml(config, policy, theta, sampler)) {
            for (int i = 0; i < warmup + batches; i++) {
                List<NavigationTask> ts = family.tasks().train().sample(tasks, root.child("tasks").child(i).generator());
                long flops0 = policy.network().matrixFlops();
                long t0 = System.nanoTime();
                MetaStepReport step = maml.metaStep(family, ts, root.child("batch").child(i).generator());
                double secs = (System.nanoTime() - t0) / 1e9;
                long batchFlops = policy.network().matrixFlops() - flops0;
                System.out.printf("batch %2d  %.2f s (sampling %.2f, adaptation %.2f, outer %.2f)  return %.2f -> %.2f%n",
                        i, secs, step.value(Metric.SAMPLING_S), step.value(Metric.ADAPTATION_S), step.value(Metric.OUTER_S), step.value(Metric.RETURN_BEFORE),
                        step.value(Metric.RETURN_AFTER));
                if (i >= warmup) {
                    int k = i - warmup;
                    total[k] = secs;
                    sampling[k] = step.value(Metric.SAMPLING_S);
                    adaptation[k] = step.value(Metric.ADAPTATION_S);
                    outer[k] = step.value(Metric.OUTER_S);
                    flops[k] = batchFlops;
                    envSteps += step.value(Metric.ENV_STEPS);
                }
            }
        }
        double seconds = BenchmarkArgs.median(total);
        double gflop = BenchmarkArgs.median(flops) / 1e9;
        double achieved = Arrays.stream(flops).sum() / Arrays.stream(total).sum() / 1e9;
        double large = GemmRate.gflops(threads, smoke ? 128 : 1024, 1024, smoke ? 1 : 10);
        double shape = GemmRate.gflops(threads, smoke ? 200 : 2000, 64, smoke ? 1 : 400);
        System.out.printf("seconds_per_meta_batch=%.3f sampling_s=%.3f adaptation_s=%.3f outer_s=%.3f "
                        + "env_steps_per_s=%.0f peak_rss_mb=%d threads=%d batches=%d gflop_per_batch=%.2f "
                        + "achieved_gflops=%.1f gemm_gflops=%.1f gemm_2000x64x64_gflops=%.1f fraction_of_gemm=%.3f%n",
                seconds, BenchmarkArgs.median(sampling), BenchmarkArgs.median(adaptation), BenchmarkArgs.median(outer),
                envSteps / Arrays.stream(sampling).sum(), peakRssMb(), threads, batches, gflop, achieved, large, shape,
                achieved / large);
    }

    private static long peakRssMb() throws Exception {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM"))
                .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024).findFirst().orElse(-1L);
    }
}
