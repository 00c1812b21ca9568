package io.github.metarl4j.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one writer of a run directory: an exclusive OS lock on its {@code .lock} file, held from
 * {@link #acquire} to {@link #close} (the kernel releases it when the process dies, SIGKILL
 * included), with the holder's PID, host and start time written in the file for the message a
 * second writer gets. Locks are per process on POSIX systems, so this process's own holdings are
 * also tracked here and a second session in the same process is refused the same way without
 * touching the file (closing any descriptor of a locked file would release the lock).
 */
public final class RunLock implements AutoCloseable {

    /** The lock file's name inside the run directory. */
    public static final String FILE = ".lock";

    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path key;
    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(Path key, FileChannel channel, FileLock lock) {
        this.key = key;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of the run directory {@code dir}, which must exist.
     *
     * @throws RunInUseException naming the holder if another process or session holds it
     */
    public static RunLock acquire(Path dir) {
        Path key = dir.toAbsolutePath().normalize();
        if (!HELD.add(key)) {
            throw inUse(dir, "this process (" + ProcessHandle.current().pid() + ")");
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(key.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                String holder = holder(channel);
                channel.close();
                HELD.remove(key);
                throw inUse(dir, holder);
            }
            byte[] line = ("pid " + ProcessHandle.current().pid() + ", host " + host() + ", since " + Instant.now()
                    + "\n").getBytes(StandardCharsets.UTF_8);
            channel.write(ByteBuffer.wrap(line), 0); // over the previous holder's line, then cut to length:
            channel.truncate(line.length);          // the file is never empty while held
            channel.force(false);
            return new RunLock(key, channel, lock);
        } catch (IOException e) {
            HELD.remove(key);
            closeQuietly(channel);
            throw new UncheckedIOException("cannot lock run directory " + dir, e);
        }
    }

    /** Releases the lock; the file stays (removing it would let two writers lock two different files). */
    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release the lock of " + key, e);
        } finally {
            HELD.remove(key);
        }
    }

    private static RunInUseException inUse(Path dir, String holder) {
        return new RunInUseException("run directory " + dir + " is in use by " + holder + "; one process at a "
                + "time trains, resumes or evaluates a run (wait for it to end, or stop it first)");
    }

    /**
     * The holder as its file describes it. A holder that has just taken the lock may not have
     * written its line yet (the file is then empty, or still names an earlier holder that is gone),
     * so the file is read again for up to a second until it names a live process.
     */
    private static String holder(FileChannel channel) throws IOException {
        String text = "";
        for (int attempt = 0; attempt < 20; attempt++) {
            ByteBuffer buffer = ByteBuffer.allocate(512);
            channel.read(buffer, 0);
            text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip();
            if (alive(text)) {
                break;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return text.isEmpty() ? "another process" : "process " + text.replaceFirst("^pid ", "");
    }

    /** Whether {@code text} ("pid 123, host h, since t") names a process that is running on this host. */
    private static boolean alive(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^pid (\\d+), host (.*), since ").matcher(text);
        if (!m.find()) {
            return false;
        }
        return !m.group(2).equals(host()) || ProcessHandle.of(Long.parseLong(m.group(1))).map(ProcessHandle::isAlive)
                .orElse(false);
    }

    private static String host() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the lock was not taken; nothing to release
            }
        }
    }
}
