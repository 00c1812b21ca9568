package io.github.metarl4j.examples;

import io.github.metarl4j.nn.Activation;
import io.github.metarl4j.nn.Mlp;
import io.github.metarl4j.nn.MlpBackward;
import io.github.metarl4j.nn.MlpPass;
import io.github.metarl4j.nn.MlpTangent;
import io.github.metarl4j.nn.Scratch;
import io.github.metarl4j.policy.GaussianMlpPolicy;
import io.github.metarl4j.policy.PolicyPoint;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Times the derivative products of the reference 2D-navigation policy (2 -> 64 -> 64 ->
 * Gaussian 2, tanh) on N = 40,000 rows (20 tasks x 20 episodes x 100 steps): the forward pass,
 * and given it the VJP, JVP, HVP (JVP + second-order backward) and Fisher product (JVP + VJP);
 * then the policy-level calls, opening a point (one forward pass) for each, and the products of an
 * already prepared point (what a conjugate-gradient iteration pays). Achieved GFLOP/s count the
 * matrix products' flops only, beside the machine's large-gemm rate measured in the same run.
 * The last line is {@code key=value} pairs.
 *
 * <pre>ProductsBenchmark [--rows N] [--repeats N] [--float] [--smoke]</pre>
 */
public final class ProductsBenchmark {

    private ProductsBenchmark() {
    }

    public static void main(String[] args) {
        List<String> a = List.of(args);
        boolean smoke = a.contains("--smoke");
        DataType type = a.contains("--float") ? DataType.FLOAT : DataType.DOUBLE;
        int rows = smoke ? 500 : BenchmarkArgs.intArg(args, "--rows", 40_000);
        int repeats = smoke ? 1 : BenchmarkArgs.intArg(args, "--repeats", 15);
        GaussianMlpPolicy policy = new GaussianMlpPolicy(2, new int[] {64, 64}, 2, Activation.TANH, 0.0, type);
        Mlp net = policy.network();
        SplittableRandom rng = new SplittableRandom(1);
        INDArray theta = policy.initialParameters(rng);
        INDArray netTheta = theta.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, net.numParams()));
        INDArray x = Nd4j.rand(type, rows, 2).subi(0.5);
        INDArray g = Nd4j.rand(type, rows, 2);
        INDArray v = Nd4j.rand(type, net.numParams());
        INDArray pv = Nd4j.rand(type, policy.numParams());
        INDArray actions = policy.sample(theta, x, rng);
        INDArray w = Nd4j.valueArrayOf(new long[] {rows}, 1.0 / rows, type);

        long s = 0;
        long inner = 0;
        for (int l = 1; l <= net.layers(); l++) {
            s += (long) net.width(l - 1) * net.width(l);
            inner += l > 1 ? (long) net.width(l - 1) * net.width(l) : 0;
        }
        double forwardFlops = 2.0 * rows * s;
        double vjpFlops = 2.0 * rows * (s + inner);
        double jvpFlops = vjpFlops;
        double secondOrderFlops = 2.0 * rows * (s + 3 * inner); // delta_l W_l^T is the prepared backward pass's

        Scratch scratch = new Scratch();
        MlpPass pass = net.forward(netTheta, x, scratch);
        Map<String, Double> ms = new LinkedHashMap<>();
        ms.put("forward", time(repeats, () -> pooled(scratch, () -> net.forward(netTheta, x, scratch))));
        ms.put("vjp", time(repeats, () -> pooled(scratch, () -> pass.vjp(g))));
        ms.put("jvp", time(repeats, () -> pooled(scratch, () -> pass.tangent(v))));
        MlpBackward backward = pass.backward(g);
        ms.put("hvp", time(repeats, () -> pooled(scratch, () -> {
            MlpTangent t = pass.tangent(v);
            t.secondOrder(backward, t.output());
        })));
        ms.put("fisher", time(repeats, () -> pooled(scratch, () -> pass.vjp(pass.tangent(v).output()))));
        ms.put("policy_gradient", time(repeats, () -> {
            try (PolicyPoint p = policy.at(theta, x)) {
                p.gradient(actions, w);
            }
        }));
        ms.put("policy_hvp", time(repeats, () -> {
            try (PolicyPoint p = policy.at(theta, x)) {
                p.hessian(actions, w).times(pv);
            }
        }));
        try (PolicyPoint prepared = policy.at(theta, x)) {
            PolicyPoint.Curvature hessian = prepared.hessian(actions, w);
            ms.put("prepared_hvp", time(repeats, () -> hessian.times(pv)));
            ms.put("prepared_fisher", time(repeats, () -> prepared.fisherProduct(w, pv)));
        }
        Map<String, Double> flops = Map.of("forward", forwardFlops, "vjp", vjpFlops, "jvp", jvpFlops,
                "hvp", jvpFlops + secondOrderFlops, "fisher", jvpFlops + vjpFlops);
        double gemm = gemmRate(type, smoke ? 256 : 1024, smoke ? 1 : 5);

        System.out.printf("policy 2-64-64-2 tanh, %s, N = %,d rows, median of %d; large gemm %.1f GFLOP/s%n", type,
                rows, repeats, gemm);
        Map<String, String> out = new LinkedHashMap<>();
        out.put("rows", Integer.toString(rows));
        out.put("dtype", type.toString().toLowerCase());
        out.put("gemm_gflops", String.format("%.1f", gemm));
        for (var e : ms.entrySet()) {
            Double f = flops.get(e.getKey());
            String rate = f == null ? "" : String.format("  %5.1f GFLOP/s (%3.0f%% of gemm)", f / e.getValue() / 1e6,
                    100 * f / e.getValue() / 1e6 / gemm);
            System.out.printf("  %-16s %8.2f ms  %4.2fx forward%s%n", e.getKey(), e.getValue(),
                    e.getValue() / ms.get("forward"), rate);
            out.put(e.getKey() + "_ms", String.format("%.2f", e.getValue()));
            if (f != null) {
                out.put(e.getKey() + "_gflops", String.format("%.1f", f / e.getValue() / 1e6));
            }
        }
        StringBuilder line = new StringBuilder();
        out.forEach((k, val) -> line.append(line.length() == 0 ? "" : " ").append(k).append('=').append(val));
        System.out.println(line);
    }

    /** Runs {@code r} in a lease of {@code scratch}, as the policies do. */
    private static void pooled(Scratch scratch, Runnable r) {
        try (Scratch.Lease lease = scratch.lease()) {
            r.run();
        }
    }

    /** Median milliseconds of {@code repeats} runs after 3 warm-up runs. */
    private static double time(int repeats, Runnable r) {
        for (int i = 0; i < 3; i++) {
            r.run();
        }
        double[] t = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long t0 = System.nanoTime();
            r.run();
            t[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(t);
        return t[repeats / 2];
    }

    private static double gemmRate(DataType type, int n, int repeats) {
        INDArray a = Nd4j.rand(type, n, n);
        INDArray c = Nd4j.create(type, n, n);
        double ms = time(repeats, () -> Nd4j.gemm(a, a, c, false, false, 1.0, 0.0));
        return 2.0 * n * n * n / ms / 1e6;
    }
}
