package io.github.metarl4j.cli;

import io.github.metarl4j.experiment.Sweep;
import io.github.metarl4j.experiment.layout.RunDirectory;
import io.github.metarl4j.run.RunLock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The {@link RunLock}s of a run directory, or of a sweep's folder and each of its seeds', released together. */
final class HeldLocks implements AutoCloseable {

    private final List<RunLock> locks;

    private HeldLocks(List<RunLock> locks) {
        this.locks = locks;
    }

    /** The lock of one run directory. */
    static HeldLocks of(RunDirectory run) {
        return of(List.of(run.root()));
    }

    /** The locks of a sweep's folder and of every seed's run directory. */
    static HeldLocks of(Sweep sweep) {
        List<Path> dirs = new ArrayList<>();
        dirs.add(sweep.root());
        sweep.runs().forEach(r -> dirs.add(r.root()));
        return of(dirs);
    }

    private static HeldLocks of(List<Path> dirs) {
        List<RunLock> held = new ArrayList<>();
        try {
            for (Path dir : dirs) {
                held.add(RunLock.acquire(dir));
            }
        } catch (RuntimeException e) {
            new HeldLocks(held).close();
            throw e;
        }
        return new HeldLocks(held);
    }

    @Override
    public void close() {
        for (int i = locks.size() - 1; i >= 0; i--) {
            locks.get(i).close();
        }
    }
}
