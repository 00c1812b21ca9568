package io.github.metarl4j.examples;

import io.github.metarl4j.algo.InContextPolicy;
import io.github.metarl4j.algo.MetaLearner;
import io.github.metarl4j.algo.rl2.Rl2PolicySpec;
import io.github.metarl4j.cli.Main;
import io.github.metarl4j.experiment.Experiment;
import io.github.metarl4j.experiment.config.ConfigFiles;
import io.github.metarl4j.experiment.config.ExperimentConfig;
import io.github.metarl4j.experiment.layout.RunDirectory;
import io.github.metarl4j.sampler.Sampler;
import io.github.metarl4j.sampler.TrialPolicy;
import io.github.metarl4j.sampler.TrialPolicyData;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the RL^2 example mains share: train an experiment config through the command line's
 * {@code train} (run directory, progress, evaluation, plots, HTML report), then hand the trained
 * policy to a printer of the paper's table rows.
 *
 * <pre>[--config FILE] [--out DIR] [--trials N] [--temperature T] [--set KEY=VALUE ...] [--smoke]
 * --resume --out DIR [--trials N] [--temperature T] [--allow-config-change KEY,...]</pre>
 * {@code --trials} is the number of held-out trials of the table (default 2000); {@code --smoke}
 * trains 2 tiny meta-batches. {@code --resume} continues the run in {@code DIR} as {@code metarl4j
 * resume} does (a finished run is only evaluated again) and prints the table for it, so that a run
 * that was stopped, or trained by {@code metarl4j train}, gets its row; {@code --allow-config-change}
 * is passed on to it (to score a copy of a run cut back to an earlier checkpoint, or to lengthen
 * one, after editing its resolved config's {@code run.metaBatches}). {@code --temperature T} scores
 * the trained policy with its logits divided by {@code T} (default 1, the trained policy; a
 * diagnostic of what its randomness costs: training is unchanged).
 */
final class Rl2Example {

    private Rl2Example() {
    }

    /**
     * Checks the setting, trains, prints the table. A mistake in the arguments or a config outside
     * the table's settings is reported on standard error before anything trains; a training that
     * fails has been reported by the command line's {@code train} or {@code resume}.
     *
     * @param setting throws {@link IllegalArgumentException} for a config the table has no row for
     * @param rows    prints the table rows from the resolved config, the trained policy, the number
     *                of held-out trials and whether this is a smoke run
     * @return the exit status: {@link Main#DONE}, {@link Main#BAD_USAGE} for bad arguments, or the
     *         command line's status
     */
    static int run(String[] args, String defaultConfig, Setting setting, Rows rows) {
        PrintWriter stdout = new PrintWriter(System.out, true);
        PrintWriter stderr = new PrintWriter(System.err, true);
        boolean smoke = List.of(args).contains("--smoke");
        String config = BenchmarkArgs.stringArg(args, "--config", defaultConfig);
        List<String> overrides = new ArrayList<>();
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--set")) {
                overrides.add(args[i + 1]);
            }
        }
        if (smoke) {
            overrides.addAll(List.of("run.metaBatches=2", "learner.trials=8", "evaluation.tasks=4",
                    "run.checkpointEvery=1"));
        }
        String out = BenchmarkArgs.stringArg(args, "--out", null);
        boolean resume = List.of(args).contains("--resume");
        String allow = BenchmarkArgs.stringArg(args, "--allow-config-change", null);
        int trials;
        double temperature;
        try {
            if (resume && (out == null || smoke || !overrides.isEmpty() || List.of(args).contains("--config"))) {
                throw new IllegalArgumentException("--resume takes the run's directory as --out DIR and reads its "
                        + "resolved config; --config, --set and --smoke do not go with it (got "
                        + String.join(" ", args) + ")");
            }
            if (allow != null && !resume) {
                throw new IllegalArgumentException("--allow-config-change goes with --resume (got "
                        + String.join(" ", args) + ")");
            }
            trials = smoke ? 20 : positive(BenchmarkArgs.stringArg(args, "--trials", "2000"));
            temperature = temperature(BenchmarkArgs.stringArg(args, "--temperature", "1"));
            ExperimentConfig planned = resume ? RunDirectory.open(Path.of(out)).config()
                    : ConfigFiles.read(Path.of(config), ExperimentConfig.class, overrides);
            setting.check(planned);
            if (out == null) {
                out = RunDirectory.defaultRoot(planned.name()).toString();
            }
        } catch (IllegalArgumentException e) {
            stderr.println("metarl4j: " + e.getMessage());
            return Main.BAD_USAGE;
        }
        List<String> train = new ArrayList<>(resume ? List.of("resume", out)
                : List.of("train", "--config", config, "--out", out));
        overrides.forEach(o -> train.addAll(List.of("--set", o)));
        if (allow != null) {
            train.addAll(List.of("--allow-config-change", allow));
        }
        int status = Main.execute(train.toArray(String[]::new), stdout, stderr);
        if (status != Main.DONE) {
            return status;
        }
        RunDirectory dir = RunDirectory.open(Path.of(out));
        ExperimentConfig resolved = dir.config();
        Experiment<?, ?, ?> experiment = Experiment.of(resolved);
        try (Sampler sampler = experiment.sampler(); MetaLearner learner = experiment.trained(dir, sampler)) {
            TrialPolicy policy = ((InContextPolicy) learner.explorationPolicy()).trials();
            if (temperature != 1.0) {
                TrialPolicyData trained = (TrialPolicyData) policy;
                policy = new TrialPolicyData(((Rl2PolicySpec) trained.spec()).atTemperature(temperature),
                        trained.parameters());
                System.out.println();
                System.out.println("rl2 below: the trained policy with its logits divided by " + temperature);
            }
            System.out.println();
            ReferenceAgents.header();
            rows.print(resolved, policy, trials, smoke);
        }
        return Main.DONE;
    }

    /** Exits the JVM with {@code status} unless it is {@link Main#DONE}. */
    static void exit(int status) {
        if (status != Main.DONE) {
            System.exit(status);
        }
    }

    private static int positive(String trials) {
        try {
            int n = Integer.parseInt(trials);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--trials: expected a positive whole number of held-out trials, got "
                + trials);
    }

    private static double temperature(String t) {
        try {
            double v = Double.parseDouble(t);
            if (v > 0 && !Double.isInfinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--temperature: expected a finite number > 0 dividing the policy's logits"
                + " (1: the trained policy), got " + t);
    }

    /** Says whether the paper's table has a row for a config's setting. */
    @FunctionalInterface
    interface Setting {
        /** @throws IllegalArgumentException naming the config's setting and the table's */
        void check(ExperimentConfig config);
    }

    /** Prints the table rows of a setting. */
    @FunctionalInterface
    interface Rows {
        void print(ExperimentConfig config, TrialPolicy trained, int trials, boolean smoke);
    }
}
