package io.github.metarl4j.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code metarl4j} command: its subcommands and exit codes. */
@Command(name = "metarl4j", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Meta-reinforcement learning experiments: train, resume, evaluate, report, collect, check-env.",
        subcommands = {TrainCommand.class, ResumeCommand.class, EvaluateCommand.class, ReportCommand.class,
            CollectCommand.class, CheckEnvCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "on a failure, print the stack trace too")
    boolean debug;

    /** Exit status when everything was done. */
    public static final int DONE = 0;
    /** Exit status for a failure while running. */
    public static final int FAILURE = 1;
    /** Exit status for bad usage or a bad config. */
    public static final int BAD_USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(execute(args, out, err));
    }

    /**
     * Runs the command {@code args} writing to {@code out} and {@code err}; returns the exit status.
     * A user's mistake (a bad config, a run directory in use or changed) is one line on {@code err}
     * and status 2; any other failure is one line naming its reason and status 1. Stack traces are
     * printed only with {@code --debug}.
     */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        boolean debug = java.util.Arrays.asList(args).contains("--debug");
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((e, parsed) -> {
            err.println("metarl4j: " + e.getMessage());
            CommandLine c = e.getCommandLine();
            err.println("Usage: " + c.getCommandSpec().qualifiedName() + " --help shows every option");
            return BAD_USAGE;
        });
        cl.setExecutionExceptionHandler((e, command, parsed) -> reported(e, debug, err));
        int status;
        try {
            status = cl.execute(args);
        } catch (OutOfMemoryError | StackOverflowError e) {
            status = reported(e, debug, err);
        }
        out.flush();
        err.flush();
        return status;
    }

    /**
     * Says why {@code e} ended the command, in one line (the trace before it only with
     * {@code --debug}), and returns the exit status: 2 for a user's mistake, 1 for a failure.
     */
    private static int reported(Throwable e, boolean debug, PrintWriter err) {
        if (debug) {
            UserErrors.trace(e, err);
        }
        if (UserErrors.isUserError(e)) {
            err.println("metarl4j: " + e.getMessage());
            return BAD_USAGE;
        }
        err.println("metarl4j: failed: " + UserErrors.reason(e));
        return FAILURE;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: train, resume, evaluate, "
                + "report, collect or check-env (metarl4j help COMMAND for its options)");
    }

    /** The library's version, for {@code --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"metarl4j " + io.github.metarl4j.run.Provenance.capture(0, java.util.List.of())
                    .libraryVersion()};
        }
    }
}
