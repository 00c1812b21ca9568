package io.github.metarl4j.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run directory's lock: one holder at a time, in this process or another, released on close and on SIGKILL. */
class RunLockTest {

    @Test
    void secondSessionOfThisProcess_isRefused_untilTheFirstCloses(@TempDir Path dir) {
        try (RunLock first = RunLock.acquire(dir)) {
            RunInUseException e = assertThrows(RunInUseException.class, () -> RunLock.acquire(dir));
            assertEquals("run directory " + dir + " is in use by this process (" + ProcessHandle.current().pid()
                    + "); one process at a time trains, resumes or evaluates a run (wait for it to end, or stop it "
                    + "first)", e.getMessage());
            assertThrows(RunInUseException.class, () -> RunLock.acquire(dir.resolve(".")), "the same folder by another name");
        }
        RunLock.acquire(dir).close();
    }

    @Test
    void anotherProcessHoldingIt_isNamed_andSigkillReleasesIt(@TempDir Path dir) throws Exception {
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m",
                "-Dorg.bytedeco.javacpp.maxphysicalbytes=64m", "-cp", System.getProperty("java.class.path"),
                Holder.class.getName(), dir.toString()).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(),
                StandardCharsets.UTF_8))) {
            assertEquals("locked", out.readLine());
            RunInUseException e = assertThrows(RunInUseException.class, () -> RunLock.acquire(dir));
            assertTrue(e.getMessage().startsWith("run directory " + dir + " is in use by process " + holder.pid()
                    + ", host "), e.getMessage());
            assertTrue(Files.readString(dir.resolve(RunLock.FILE)).startsWith("pid " + holder.pid() + ", host "));
            holder.destroyForcibly();
            assertTrue(holder.waitFor(30, TimeUnit.SECONDS));
        }
        try (RunLock mine = RunLock.acquire(dir)) {
            assertEquals(List.of("pid " + ProcessHandle.current().pid()),
                    List.of(Files.readString(dir.resolve(RunLock.FILE)).split(",")[0]));
        }
    }

    /** Holds the lock of the folder in its argument until killed. */
    public static final class Holder {
        public static void main(String[] args) throws InterruptedException {
            RunLock lock = RunLock.acquire(Path.of(args[0]));
            System.out.println("locked");
            System.out.flush();
            Thread.sleep(120_000);
            lock.close();
        }
    }
}
