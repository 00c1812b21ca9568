package io.github.metarl4j.cli;

import io.github.metarl4j.experiment.config.ConfigException;
import io.github.metarl4j.run.RunInUseException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/** How the command line tells a user's mistake from a failure, and says either in one line. */
final class UserErrors {

    private UserErrors() {
    }

    /** Whether {@code e} is the user's to fix (exit status 2): a bad config or a run directory in use. */
    static boolean isUserError(Throwable e) {
        return e instanceof ConfigException || e instanceof RunInUseException;
    }

    /**
     * One line saying why {@code e} happened: its message followed by each cause's that adds to it
     * ("cannot write checkpoint DIR/checkpoint-000000004.bin: No space left on device").
     */
    static String reason(Throwable e) {
        StringBuilder out = new StringBuilder(text(e));
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            String t = text(c);
            if (!out.toString().contains(t)) {
                out.append(": ").append(t);
            }
        }
        return out.toString().replace('\n', ' ');
    }

    /** Writes {@code e}'s stack trace and its causes' to {@code out}: what {@code --debug} adds. */
    static void trace(Throwable e, java.io.PrintWriter out) {
        String lead = "";
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            out.println(lead + c);
            for (StackTraceElement frame : c.getStackTrace()) {
                out.println("\tat " + frame);
            }
            lead = "Caused by: ";
        }
    }

    private static String text(Throwable e) {
        if (e instanceof OutOfMemoryError) {
            return "out of memory (" + e.getMessage() + "); raise -Xmx in the pom's metarl4j.jvmFlags or lower the "
                    + "config's sizes";
        }
        if (e instanceof NoSuchFileException f) {
            return "no such file " + f.getFile();
        }
        if (e instanceof AccessDeniedException f) {
            return "permission denied: " + f.getFile();
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason() + (f.getFile() == null ? "" : " (" + f.getFile() + ")");
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
