package io.github.metarl4j.cli;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Turns SIGINT (Ctrl-C) and SIGTERM into a stop request: the JVM's shutdown hook raises the
 * training loop's stop flag and holds the JVM until the loop has finished its current meta-batch
 * and written a checkpoint (at most {@link #GRACE_MINUTES} minutes). SIGKILL cannot be caught; the
 * newest checkpoint then holds the run.
 */
final class StopOnSignal implements AutoCloseable {

    /** How long a signal waits for the current meta-batch. */
    static final long GRACE_MINUTES = 10;

    private final AtomicBoolean stop = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;

    StopOnSignal(PrintWriter err) {
        hook = new Thread(() -> {
            stop.set(true);
            err.println("metarl4j: stop requested; finishing the current meta-batch and writing a checkpoint");
            err.flush();
            try {
                finished.await(GRACE_MINUTES, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "metarl4j-stop");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** The flag the training loop polls. */
    AtomicBoolean flag() {
        return stop;
    }

    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: it returns now that the session has finished
        }
    }
}
