package io.github.metarl4j.run;

import io.github.metarl4j.algo.LearnerState;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * The checkpoints of one run, in its {@code checkpoints/} folder, one file per checkpoint
 * ({@code checkpoint-000000012.bin} after 12 batches). A file is written to a temporary name,
 * forced to disk, then renamed over its final name ({@link AtomicFiles}; a failed write, on a full
 * disk, removes the temporary file), so a crash leaves either the old set or the new
 * one, never a half-written checkpoint under a final name. Each file ends with a CRC-32 of its
 * contents; {@link #latest} skips (and reports) a corrupt or truncated file and falls back to the
 * one before. The newest {@code keep} checkpoints are kept.
 */
public final class CheckpointStore {

    private static final long MAGIC = 0x4D524C344A434B32L; // "MRL4JCK2": with the config
    private static final long MAGIC_WITHOUT_CONFIG = 0x4D524C344A434B31L; // "MRL4JCK1"
    private static final String PREFIX = "checkpoint-";
    private static final String SUFFIX = ".bin";

    private final Path dir;
    private final int keep;

    /**
     * @param dir  the folder (created if missing)
     * @param keep how many of the newest checkpoints to keep, >= 2 so that a corrupt newest one has a predecessor
     */
    public CheckpointStore(Path dir, int keep) {
        if (keep < 2) {
            throw new IllegalArgumentException("checkpoints to keep must be >= 2, got " + keep);
        }
        this.dir = dir;
        this.keep = keep;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create checkpoint folder " + dir, e);
        }
    }

    /** Writes {@code checkpoint} atomically and removes all but the newest {@code keep}. */
    public Path write(Checkpoint checkpoint) {
        Path target = dir.resolve(String.format("%s%09d%s", PREFIX, checkpoint.batchesDone(), SUFFIX));
        try {
            AtomicFiles.write(target, encode(checkpoint));
        } catch (UncheckedIOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + target, e.getCause());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + target, e);
        }
        try {
            forceDirectory();
            List<Path> all = files();
            for (int i = 0; i < all.size() - keep; i++) {
                Files.deleteIfExists(all.get(i));
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + target, e);
        }
    }

    /**
     * The newest checkpoint that reads back intact; each file that does not (bad checksum,
     * truncated, wrong format) is reported to {@code warnings} by name and skipped.
     */
    public Optional<Checkpoint> latest(Consumer<String> warnings) {
        List<Path> all = files();
        for (int i = all.size() - 1; i >= 0; i--) {
            Path file = all.get(i);
            try {
                return Optional.of(decode(Files.readAllBytes(file)));
            } catch (IOException | IllegalArgumentException e) {
                warnings.accept("checkpoint " + file + " is unreadable (" + e.getMessage()
                        + "); falling back to the one before");
            }
        }
        return Optional.empty();
    }

    /** The checkpoint files, oldest first. */
    public List<Path> files() {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(PREFIX)
                    && p.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list checkpoints in " + dir, e);
        }
    }

    private void forceDirectory() {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // some file systems cannot open a directory for syncing; the rename itself is atomic
        }
    }

    static byte[] encode(Checkpoint checkpoint) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(MAGIC);
            out.writeLong(checkpoint.batchesDone());
            byte[] config = checkpoint.config().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            out.writeInt(config.length);
            out.write(config);
            Map<String, double[]> arrays = checkpoint.state().arrays();
            out.writeInt(arrays.size());
            for (Map.Entry<String, double[]> e : arrays.entrySet()) {
                out.writeUTF(e.getKey());
                out.writeInt(e.getValue().length);
                for (double v : e.getValue()) {
                    out.writeDouble(v);
                }
            }
            CRC32 crc = new CRC32();
            crc.update(bytes.toByteArray());
            out.writeLong(crc.getValue());
        }
        return bytes.toByteArray();
    }

    static Checkpoint decode(byte[] bytes) throws IOException {
        if (bytes.length < 32) {
            throw new IllegalArgumentException("truncated: " + bytes.length + " bytes");
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 8);
        long stored = ByteBuffer.wrap(bytes, bytes.length - 8, 8).getLong();
        if (stored != crc.getValue()) {
            throw new IllegalArgumentException("checksum mismatch: stored " + Long.toHexString(stored)
                    + ", computed " + Long.toHexString(crc.getValue()));
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 0, bytes.length - 8))) {
            long magic = in.readLong();
            if (magic == MAGIC_WITHOUT_CONFIG) {
                throw new IllegalArgumentException("a checkpoint of an earlier format, without the config it was "
                        + "trained under");
            }
            if (magic != MAGIC) {
                throw new IllegalArgumentException("not a checkpoint file (bad magic number)");
            }
            long batches = in.readLong();
            int configLength = in.readInt();
            if (configLength < 0 || configLength > bytes.length) {
                throw new IllegalArgumentException("bad config length " + configLength);
            }
            String config = new String(in.readNBytes(configLength), java.nio.charset.StandardCharsets.UTF_8);
            int entries = in.readInt();
            Map<String, double[]> arrays = new TreeMap<>();
            for (int i = 0; i < entries; i++) {
                String name = in.readUTF();
                double[] values = new double[in.readInt()];
                for (int j = 0; j < values.length; j++) {
                    values[j] = in.readDouble();
                }
                arrays.put(name, values);
            }
            return new Checkpoint(batches, new LearnerState(arrays), config);
        }
    }

    /** The folder. */
    public Path dir() {
        return dir;
    }
}
