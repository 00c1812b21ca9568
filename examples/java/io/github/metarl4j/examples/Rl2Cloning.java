package io.github.metarl4j.examples;

import io.github.metarl4j.algo.rl2.Rl2Inputs;
import io.github.metarl4j.algo.rl2.Rl2Policy;
import io.github.metarl4j.algo.rl2.TrialCloning;
import io.github.metarl4j.data.TrialBatch;
import io.github.metarl4j.envs.tabular.RandomMdps;
import io.github.metarl4j.envs.tabular.TabularMdp;
import io.github.metarl4j.envs.tabular.TabularMdpConfig;
import io.github.metarl4j.env.TaskFamily;
import io.github.metarl4j.eval.agents.EpsilonGreedyMdp;
import io.github.metarl4j.eval.agents.Psrl;
import io.github.metarl4j.experiment.config.ConfigFiles;
import io.github.metarl4j.experiment.config.ExperimentConfig;
import io.github.metarl4j.experiment.config.SequencePolicyConfig;
import io.github.metarl4j.nn.SequenceModel;
import io.github.metarl4j.random.SeedTree;
import io.github.metarl4j.sampler.LockstepSampler;
import io.github.metarl4j.sampler.Sampler;
import io.github.metarl4j.sampler.TrialInputs;
import io.github.metarl4j.sampler.TrialPolicy;
import io.github.metarl4j.optim.AdamOptimizer;
import io.github.metarl4j.optim.LearningRate;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ObjIntConsumer;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The first diagnosis of RL^2 on the random tabular MDPs: behaviour-clone a reference agent's
 * trials (PSRL by default, or the greedy agent) into RL^2's own network, from the inputs RL^2 sees,
 * with {@link TrialCloning}; then score the clone as an RL^2 policy beside the reference agents on
 * the same held-out MDPs (the table row of {@link ReferenceAgents}). With {@code --rows} other than
 * {@code paper} every row also carries entries computed from the trial so far: the previous
 * observation ({@link Rl2Inputs#PREVIOUS_STATE}), the current state's per-action visit counts and mean rewards
 * ({@link Rl2Inputs#COUNTS}), or the previous state-action pair one-hot and times the reward
 * ({@link Rl2Inputs#PAIRS}). The network is the policy
 * section of {@code examples/configs/tabular-mdp-rl2.yaml} (a GRU of 64 units, or {@code --hidden
 * H}), trained with Adam at that config's step (0.005, or {@code --lr}) on fresh teacher trials of
 * the training split. Prints the held-out negative log-likelihood of the teacher's actions as it
 * trains (uniform: ln 5 = 1.609).
 *
 * <pre>
 * Rl2Cloning [--teacher psrl|greedy] [--steps N] [--trials B] [--eval-trials N] [--hidden H] [--lr STEP]
 *            [--rows paper|previous-state|counts|pairs] [--smoke]
 * </pre>
 */
public final class Rl2Cloning {

    private Rl2Cloning() {
    }

    public static void main(String[] args) {
        boolean smoke = List.of(args).contains("--smoke");
        String widen = BenchmarkArgs.stringArg(args, "--rows", "paper");
        String teacherName = BenchmarkArgs.stringArg(args, "--teacher", "psrl");
        int steps = smoke ? 2 : BenchmarkArgs.intArg(args, "--steps", 2000);
        int trials = smoke ? 4 : BenchmarkArgs.intArg(args, "--trials", 50);
        int evalTrials = smoke ? 20 : BenchmarkArgs.intArg(args, "--eval-trials", 2000);
        int n = 10;
        TabularMdpConfig mdp = TabularMdpConfig.RL2_PAPER;
        TrialPolicy teacher = switch (teacherName) {
            case "psrl" -> new Psrl(mdp.horizon());
            case "greedy" -> new EpsilonGreedyMdp(mdp.horizon(), 0);
            default -> throw new IllegalArgumentException("--teacher must be psrl or greedy, got " + teacherName);
        };
        int hidden = BenchmarkArgs.intArg(args, "--hidden", 64);
        double learningRate = BenchmarkArgs.doubleArg(args, "--lr", 0.005);
        ExperimentConfig config = ConfigFiles.read(Path.of("examples/configs/tabular-mdp-rl2.yaml"),
                ExperimentConfig.class, List.of("policy.hidden=" + hidden));
        TrialInputs layout = new TrialInputs(mdp.states(), mdp.actions());
        Rl2Inputs inputs = switch (widen) {
            case "paper", "pairs", "counts", "previous-state" -> Rl2Inputs.valueOf(
                    widen.replace('-', '_').toUpperCase(Locale.ROOT));
            default -> throw new IllegalArgumentException("--rows must be paper, previous-state, counts or pairs, got "
                    + widen);
        };
        int extra = inputs.width(layout) - layout.width();
        SequenceModel net = ((SequencePolicyConfig) config.policy()).create(
                new TrialInputs(mdp.states() + extra, mdp.actions()).width(), mdp.actions(), 0);
        UnaryOperator<TrialBatch> rows = b -> inputs.widen(b, layout);
        TaskFamily<TabularMdp, double[], Integer> family = RandomMdps.family(mdp);
        SeedTree seeds = SeedTree.root(1).child("cloning");
        long start = System.nanoTime();
        INDArray theta;
        try (Sampler sampler = new LockstepSampler(1, net.dataType())) {
            TrialBatch heldOut = rows.apply(sampler.sampleTrials(family, family.tasks().test().sample(smoke ? 4 : 200,
                    seeds.child("nll-tasks").generator()), n, teacher, seeds.child("nll-play").generator()));
            INDArray theta0 = net.initialParameters(seeds.child("init").generator());
            System.out.printf(Locale.ROOT, "cloning %s into %s: step 0, held-out NLL %.4f%n", teacherName,
                    net.getClass().getSimpleName(), TrialCloning.loss(net, theta0, heldOut).nll());
            System.out.printf(Locale.ROOT, "(a GRU of %d units, %d parameters; %d trials per Adam step of %s)%n",
                    hidden, net.numParams(), trials, learningRate);
            int every = Math.max(1, steps / 10);
            ObjIntConsumer<INDArray> progress = (current, step) -> {
                if ((step + 1) % every == 0) {
                    System.out.printf(Locale.ROOT, "step %d, held-out NLL %.4f (%d teacher trials, %.0f s)%n",
                            step + 1, TrialCloning.loss(net, current, heldOut).nll(), (long) (step + 1) * trials,
                            (System.nanoTime() - start) / 1e9);
                }
            };
            if (extra > 0) {
                // TrialCloning.train's loop on the widened rows
                AdamOptimizer adam = new AdamOptimizer(LearningRate.constant(learningRate), theta0.length(),
                        theta0.dataType());
                RandomGenerator rng = seeds.child("train").generator();
                theta = theta0;
                for (int step = 0; step < steps; step++) {
                    TrialBatch batch = rows.apply(sampler.sampleTrials(family, family.tasks().train().sample(trials,
                            rng), n, teacher, rng));
                    theta = adam.step(theta, TrialCloning.gradient(net, theta, batch));
                    progress.accept(theta, step);
                }
            } else {
                theta = TrialCloning.train(net, theta0, teacher, family, n, trials, steps, learningRate, sampler,
                        seeds.child("train").generator(), progress);
            }
        }
        TrialPolicy clone = new Rl2Policy(net, theta, 1.0);
        ReferenceAgents.mdps(n, evalTrials, SeedTree.root(1), Map.of("clone of " + teacherName,
                inputs.wrap(clone)));
        System.out.printf(Locale.ROOT, "total %.0f s%n", (System.nanoTime() - start) / 1e9);
    }
}
