package io.github.metarl4j.data.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.metarl4j.data.TransitionDataset;
import io.github.metarl4j.space.Box;
import io.github.metarl4j.space.Discrete;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Hdf5DatasetsTest {

    private static final Box OBS = Box.of(0, 1, 2);
    private static final Discrete ACT = new Discrete(3);

    private static TransitionDataset small() {
        return TransitionDataset.of(OBS, ACT, new TransitionDataset.Columns(
                new double[] {0, 0, 0.1, 0.1, 0.2, 0.2, 0.5, 0.5, 0.6, 0.6}, new double[] {0, 1, 2, 1, 0},
                new double[] {0, 0, 1, -0.5, 0.25}, new double[] {0.1, 0.1, 0.2, 0.2, 1, 1, 0.6, 0.6, 0.7, 0.7},
                new boolean[] {false, false, true, false, false}, new boolean[] {false, false, false, false, true},
                Optional.of(new int[] {4, 7}), Optional.of(new double[] {-1.1, -1.1, -1.1, -0.2, -3})));
    }

    private static void assertSame(TransitionDataset a, TransitionDataset b) {
        assertArrayEquals(a.observations(), b.observations());
        assertArrayEquals(a.nextObservations(), b.nextObservations());
        assertArrayEquals(a.actions(), b.actions());
        assertArrayEquals(a.rewards(), b.rewards());
        assertArrayEquals(a.terminated(), b.terminated());
        assertArrayEquals(a.truncated(), b.truncated());
        assertArrayEquals(a.episodeTasks().orElse(null), b.episodeTasks().orElse(null));
        assertArrayEquals(a.behaviourLogProb().orElse(null), b.behaviourLogProb().orElse(null));
    }

    @Test
    void writeThenRead_givesTheSameDataset_andItsProvenance(@TempDir Path dir) {
        TransitionDataset d = small().withProvenance(Map.of("behaviour", "random", "seed", "3"));
        Path file = dir.resolve("d.h5");
        Hdf5Datasets.write(d, file);
        TransitionDataset back = Hdf5Datasets.read(file, OBS, ACT);
        assertSame(d, back);
        assertEquals(Map.of("behaviour", "random", "seed", "3", "file", file.toString()), back.provenance());
        try (HdfFile raw = new HdfFile(file)) {
            assertArrayEquals(new int[] {5, 2}, raw.getDatasetByPath("observations").getDimensions());
            assertEquals(long.class, raw.getDatasetByPath("actions").getJavaType(), "discrete actions as integers [N]");
            assertArrayEquals(new int[] {5}, raw.getDatasetByPath("infos/task").getDimensions());
        }
        assertFalse(Files.exists(dir.resolve(".d.h5.tmp")), "no temporary file is left");
    }

    @Test
    void continuousActions_roundTripAsRows(@TempDir Path dir) {
        Box act = Box.of(-1, 1, 2);
        TransitionDataset d = TransitionDataset.of(OBS, act, new TransitionDataset.Columns(new double[] {0.5, 0.5, 0.25, 0},
                new double[] {-0.3, 0.9, 0.1, -1}, new double[] {1, 2}, new double[] {0.25, 0, 1, 1},
                new boolean[] {false, true}, new boolean[] {false, false}, Optional.empty(), Optional.empty()));
        Path file = dir.resolve("c.h5");
        Hdf5Datasets.write(d, file);
        assertSame(d, Hdf5Datasets.read(file, OBS, act));
    }

    @Test
    void aFileWrittenByH5py_isRead() throws URISyntaxException {
        Path fixture = Path.of(getClass().getResource("/datasets/d4rl-layout.h5").toURI());
        TransitionDataset d = Hdf5Datasets.read(fixture, OBS, ACT);
        assertEquals(5, d.size());
        assertArrayEquals(new int[] {0, 3, 5}, d.episodeStarts());
        assertEquals((double) 0.1f, d.observations()[2]);
        assertEquals((double) 0.7f, d.nextObservations()[9]);
        assertArrayEquals(new double[] {0, 1, 2, 1, 0}, d.actions());
        assertArrayEquals(new double[] {0, 0, 1, -0.5, 0.25}, d.rewards());
        assertArrayEquals(new boolean[] {false, false, true, false, false}, d.terminated(), "h5py's boolean enum");
        assertArrayEquals(new boolean[] {false, false, false, false, true}, d.truncated());
        assertArrayEquals(new int[] {4, 7}, d.episodeTasks().orElseThrow());
        assertEquals((double) -1.0986123f, d.behaviourLogProb().orElseThrow()[4]);
        assertEquals("random", d.provenance().get("behaviour"));
    }

    /** Writes the columns of {@link #small()}, changed by {@code change}, with jHDF directly. */
    private static Path file(Path dir, Consumer<Map<String, Object>> change) {
        Map<String, Object> cols = new LinkedHashMap<>();
        cols.put("observations", new double[][] {{0, 0}, {0.1, 0.1}, {0.2, 0.2}, {0.5, 0.5}, {0.6, 0.6}});
        cols.put("next_observations", new double[][] {{0.1, 0.1}, {0.2, 0.2}, {1, 1}, {0.6, 0.6}, {0.7, 0.7}});
        cols.put("actions", new long[] {0, 1, 2, 1, 0});
        cols.put("rewards", new float[] {0, 0, 1, -0.5f, 0.25f});
        cols.put("terminals", new boolean[] {false, false, true, false, false});
        cols.put("timeouts", new boolean[] {false, false, false, false, true});
        change.accept(cols);
        Path f = dir.resolve("bad-" + System.nanoTime() + ".h5");
        try (WritableHdfFile out = HdfFile.write(f)) {
            cols.forEach((k, v) -> {
                if (k.startsWith("infos/")) {
                    out.putGroup("infos").putDataset(k.substring(6), v);
                } else {
                    out.putDataset(k, v);
                }
            });
        }
        return f;
    }

    private static String error(Path dir, Consumer<Map<String, Object>> change) {
        Path f = file(dir, change);
        String message = assertThrows(IllegalArgumentException.class, () -> Hdf5Datasets.read(f, OBS, ACT)).getMessage();
        assertTrue(message.startsWith("dataset file " + f + ": "), message);
        return message.substring(("dataset file " + f + ": ").length());
    }

    @Test
    void badFiles_areRefusedNamingTheKeyAndTheRow(@TempDir Path dir) throws IOException {
        assertEquals("missing key 'timeouts'; a dataset file holds [observations, actions, rewards, next_observations, "
                + "terminals, timeouts] (and optionally infos/task, infos/action_log_probs)",
                error(dir, c -> c.remove("timeouts")));
        assertEquals("key 'observations' has shape [5, 3], expected [N, 2] (the family's observation width is 2)",
                error(dir, c -> c.put("observations", new double[5][3])));
        assertEquals("key 'actions' has 4 rows, expected 5 (the rows of 'rewards')",
                error(dir, c -> c.put("actions", new long[] {0, 1, 2, 1})));
        assertEquals("rewards row 3: must be finite, got NaN",
                error(dir, c -> c.put("rewards", new float[] {0, 0, 1, Float.NaN, 0.25f})));
        assertEquals("observations row 1: [0.1, 1.5] is outside " + OBS,
                error(dir, c -> c.put("observations", new double[][] {{0, 0}, {0.1, 1.5}, {0.2, 0.2}, {0.5, 0.5},
                    {0.6, 0.6}})));
        assertEquals("actions row 2: discrete value must be an integer in [0, 3), got 5.0",
                error(dir, c -> c.put("actions", new long[] {0, 1, 5, 1, 0})));
        assertEquals("key 'terminals' row 1: expected 0 or 1, got 2.0",
                error(dir, c -> c.put("terminals", new int[] {0, 2, 1, 0, 0})));
        assertEquals("key 'infos/task' row 1: an episode's rows must share one whole task id, got 5.0 after 4.0",
                error(dir, c -> c.put("infos/task", new int[] {4, 5, 4, 7, 7})));
        Path text = dir.resolve("notes.h5");
        Files.writeString(text, "observations,actions\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Hdf5Datasets.read(text, OBS, ACT)).getMessage()
                .startsWith("dataset file " + text + ": not a readable HDF5 file"));
        assertEquals("dataset file " + dir.resolve("none.h5") + ": no such file", assertThrows(
                IllegalArgumentException.class, () -> Hdf5Datasets.read(dir.resolve("none.h5"), OBS, ACT)).getMessage());
    }

    @Test
    void aFileEndingMidEpisode_isReadWithItsLastRowCutShort(@TempDir Path dir) {
        Path f = file(dir, c -> c.put("timeouts", new boolean[5]));
        TransitionDataset d = Hdf5Datasets.read(f, OBS, ACT);
        assertArrayEquals(new boolean[] {false, false, false, false, true}, d.truncated());
        assertEquals("true", d.provenance().get("last_row_cut"));
    }
}
