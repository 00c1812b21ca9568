package io.github.metarl4j.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the command in this JVM and keeps what it printed. */
record Cli(int status, String out, String err) {

    static Cli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        System.out.print(out);
        System.out.print(err);
        return new Cli(status, out.toString(), err.toString());
    }

    /** {@code train} of the founding example's hidden-goal part shrunk to seconds, into {@code dir}, with extra arguments. */
    static List<String> smallTrain(Path dir, int metaBatches, int checkpointEvery, String... extra) {
        List<String> args = new ArrayList<>(List.of("train", "--config", "examples/configs/founding-hidden-goals.yaml",
                "--out", dir.toString(), "--set", "run.metaBatches=" + metaBatches, "--set",
                "run.checkpointEvery=" + checkpointEvery, "--set", "learner.maml.fastBatch=4", "--set",
                "learner.maml.metaBatch=4", "--set", "policy.hidden=[16]", "--set", "evaluation.tasks=2", "--set",
                "evaluation.steps=1", "--set", "evaluation.episodes=4"));
        args.addAll(List.of(extra));
        return args;
    }
}
