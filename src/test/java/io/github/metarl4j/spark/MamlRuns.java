package io.github.metarl4j.spark;

import io.github.metarl4j.optim.OuterOptimizer;
import io.github.metarl4j.algo.MetaStepReport;
import io.github.metarl4j.algo.Metric;
import io.github.metarl4j.algo.maml.Maml;
import io.github.metarl4j.algo.maml.MamlConfig;
import io.github.metarl4j.algo.rl2.Rl2;
import io.github.metarl4j.algo.rl2.Rl2Config;
import io.github.metarl4j.data.HostArrays;
import io.github.metarl4j.env.TaskFamily;
import io.github.metarl4j.envs.bandit.BanditConfig;
import io.github.metarl4j.envs.bandit.BanditTask;
import io.github.metarl4j.envs.bandit.Bandits;
import io.github.metarl4j.envs.navigation.Navigation2D;
import io.github.metarl4j.envs.navigation.NavigationTask;
import io.github.metarl4j.nn.Activation;
import io.github.metarl4j.nn.RecurrentNet;
import io.github.metarl4j.optim.PpoConfig;
import io.github.metarl4j.policy.GaussianMlpPolicy;
import io.github.metarl4j.random.SeedTree;
import io.github.metarl4j.sampler.Sampler;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Short MAML runs on 2D navigation and RL^2 runs on bandits, whose parameters and metrics tests
 * compare across back ends.
 */
final class MamlRuns {

    private MamlRuns() {
    }

    static final FamilySource NAVIGATION = Navigation2D::family;

    record Run(List<double[]> parameters, List<double[]> metrics) {
    }

    static Run run(Sampler sampler, MamlConfig config, DataType type, int metaSteps) {
        GaussianMlpPolicy policy = new GaussianMlpPolicy(2, new int[] {16, 16}, 2, Activation.TANH, 0.0, type);
        SeedTree root = SeedTree.root(11);
        INDArray theta = policy.initialParameters(root.child("init").generator());
        TaskFamily<NavigationTask, double[], double[]> family = Navigation2D.family();
        RandomGenerator taskRng = root.child("tasks").generator();
        RandomGenerator rng = root.child("sampler").generator();
        List<double[]> parameters = new ArrayList<>();
        List<double[]> metrics = new ArrayList<>();
        try (Maml maml = new Maml(config, policy, theta, sampler)) {
            for (int s = 0; s < metaSteps; s++) {
                List<NavigationTask> tasks = family.tasks().train().sample(config.metaBatch(), taskRng);
                MetaStepReport r = maml.metaStep(family, tasks, rng);
                parameters.add(HostArrays.read(maml.parameters()));
                List<Double> values = new ArrayList<>();
                for (Metric m : maml.metrics()) {
                    if (m != Metric.SAMPLING_S && m != Metric.ADAPTATION_S && m != Metric.OUTER_S) {
                        values.add(r.value(m));
                    }
                }
                metrics.add(values.stream().mapToDouble(Double::doubleValue).toArray());
            }
        } finally {
            sampler.close();
        }
        return new Run(parameters, metrics);
    }

    static MamlConfig config(OuterOptimizer outer) {
        return MamlConfig.builder().metaBatch(5).fastBatch(4).innerSteps(1).innerStepSize(0.1).outer(outer).build();
    }


    /**
     * Two meta-steps of RL^2 (GRU 16, float) on 5-armed Bernoulli bandits, trials of 10 pulls, {@code trials} trials a
     * step (more than one acting block, so a back end splits them).
     */
    static Run rl2(Sampler sampler, int trials) {
        TaskFamily<BanditTask, double[], Integer> family = Bandits.family(BanditConfig.bernoulli(5));
        RecurrentNet net = new RecurrentNet(1 + 5 + 2, 16, 5, DataType.FLOAT);
        Rl2Config config = Rl2Config.ppo(10, 0.99, 0.3, PpoConfig.constant(0.2, 2, 0.01), 2, 0.5, 0.01);
        SeedTree root = SeedTree.root(5);
        List<double[]> parameters = new ArrayList<>();
        List<double[]> metrics = new ArrayList<>();
        try (sampler; Rl2 rl2 = new Rl2(config, net, net.initialParameters(root.child("init").generator()), sampler)) {
            for (int s = 0; s < 2; s++) {
                MetaStepReport r = rl2.metaStep(family, family.tasks().train().sample(trials,
                        root.child("tasks").child(s).generator()), root.child("batch").child(s).generator());
                parameters.add(HostArrays.read(rl2.parameters()));
                List<Double> values = new ArrayList<>();
                for (Metric m : rl2.metrics()) {
                    if (!m.name().endsWith("_s")) {
                        values.add(r.value(m));
                    }
                }
                metrics.add(values.stream().mapToDouble(Double::doubleValue).toArray());
            }
        }
        return new Run(parameters, metrics);
    }
}
