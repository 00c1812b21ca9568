package io.github.metarl4j.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metarl4j.algo.LearnerState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointStoreTest {

    private static Checkpoint checkpoint(long batches) {
        return new Checkpoint(batches, new LearnerState(Map.of("theta", new double[] {batches, -0.5, Math.PI, 1e-300},
                "adam.iteration", new double[] {batches * 3})), "name: test\nseed: " + batches + "\n");
    }

    @Test
    void writtenCheckpoint_readsBackEqual_andOnlyTheNewestAreKept(@TempDir Path dir) {
        CheckpointStore store = new CheckpointStore(dir.resolve("checkpoints"), 2);
        for (long b = 1; b <= 4; b++) {
            store.write(checkpoint(b));
        }
        assertEquals(List.of("checkpoint-000000003.bin", "checkpoint-000000004.bin"),
                store.files().stream().map(p -> p.getFileName().toString()).toList());
        List<String> warnings = new ArrayList<>();
        Checkpoint latest = store.latest(warnings::add).orElseThrow();
        assertEquals(4, latest.batchesDone());
        assertEquals(checkpoint(4).state(), latest.state());
        assertTrue(warnings.isEmpty(), warnings.toString());
    }

    @Test
    void corruptNewestCheckpoint_isReported_andThePreviousOneUsed(@TempDir Path dir) throws IOException {
        CheckpointStore store = new CheckpointStore(dir, 3);
        store.write(checkpoint(5));
        Path newest = store.write(checkpoint(6));
        byte[] bytes = Files.readAllBytes(newest);
        bytes[20] ^= 0x01; // one flipped bit inside the payload
        Files.write(newest, bytes);
        List<String> warnings = new ArrayList<>();
        assertEquals(5, store.latest(warnings::add).orElseThrow().batchesDone());
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("checkpoint-000000006.bin") && warnings.get(0).contains("checksum mismatch"),
                warnings.get(0));
    }

    @Test
    void truncatedCheckpoint_isSkipped(@TempDir Path dir) throws IOException {
        CheckpointStore store = new CheckpointStore(dir, 3);
        store.write(checkpoint(1));
        Path newest = store.write(checkpoint(2));
        byte[] bytes = Files.readAllBytes(newest);
        Files.write(newest, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        List<String> warnings = new ArrayList<>();
        assertEquals(1, store.latest(warnings::add).orElseThrow().batchesDone());
        assertTrue(warnings.get(0).contains("checkpoint-000000002.bin"), warnings.get(0));
    }

    @Test
    void leftoverTemporaryFile_isIgnored_andNoCheckpointMeansEmpty(@TempDir Path dir) throws IOException {
        CheckpointStore store = new CheckpointStore(dir, 2);
        Files.writeString(dir.resolve("checkpoint-000000009.bin.tmp"), "half written");
        assertTrue(store.latest(w -> { }).isEmpty());
        store.write(checkpoint(3));
        assertEquals(3, store.latest(w -> { }).orElseThrow().batchesDone());
    }

    @Test
    void keepBelowTwo_isRejected(@TempDir Path dir) {
        var e = assertThrows(IllegalArgumentException.class, () -> new CheckpointStore(dir, 1));
        assertEquals("checkpoints to keep must be >= 2, got 1", e.getMessage());
    }

    @Test
    void theConfigTravelsWithTheCheckpoint_withItsSha256(@TempDir Path dir) {
        CheckpointStore store = new CheckpointStore(dir, 2);
        store.write(new Checkpoint(1, checkpoint(1).state(), "abc"));
        Checkpoint read = store.latest(s -> { }).orElseThrow();
        assertEquals("abc", read.config());
        // FIPS 180-2's example: SHA-256("abc")
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", read.configFingerprint());
    }

    @Test
    void aCheckpointWithoutItsConfig_isReportedAsUnreadable(@TempDir Path dir) throws IOException {
        CheckpointStore store = new CheckpointStore(dir, 2);
        Path file = store.write(checkpoint(2));
        byte[] bytes = Files.readAllBytes(file);
        java.nio.ByteBuffer.wrap(bytes).putLong(0, 0x4D524C344A434B31L); // the earlier format's magic number
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(bytes, 0, bytes.length - 8);
        java.nio.ByteBuffer.wrap(bytes).putLong(bytes.length - 8, crc.getValue());
        Files.write(file, bytes);
        java.util.List<String> warnings = new java.util.ArrayList<>();
        assertTrue(store.latest(warnings::add).isEmpty());
        assertEquals(java.util.List.of("checkpoint " + file + " is unreadable (a checkpoint of an earlier format, "
                + "without the config it was trained under); falling back to the one before"), warnings);
    }
}
