package io.github.metarl4j.data.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.metarl4j.data.TransitionDataset;
import io.github.metarl4j.space.Box;
import io.github.metarl4j.space.Discrete;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvDatasetsTest {

    private static final Box OBS = Box.of(0, 1, 2);
    private static final Discrete ACT = new Discrete(3);
    private static final String GOOD = """
            reward,obs_0,obs_1,action,next_obs_0,next_obs_1,terminal,timeout,task
            0,0,0,0,0.1,0.1,false,false,4
            0,0.1,0.1,1,0.2,0.2,0,0,4
            1,0.2,0.2,2,1,1,true,0,4
            -0.5,0.5,0.5,1,0.6,0.6,0,0,7

            0.25,0.6,0.6,0,0.7,0.7,0,1,7
            """;

    @Test
    void aLog_isReadWhateverTheColumnOrder(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("log.csv");
        Files.writeString(f, GOOD);
        TransitionDataset d = CsvDatasets.read(f, OBS, ACT);
        assertArrayEquals(new double[] {0, 0, 0.1, 0.1, 0.2, 0.2, 0.5, 0.5, 0.6, 0.6}, d.observations());
        assertArrayEquals(new double[] {0.1, 0.1, 0.2, 0.2, 1, 1, 0.6, 0.6, 0.7, 0.7}, d.nextObservations());
        assertArrayEquals(new double[] {0, 1, 2, 1, 0}, d.actions());
        assertArrayEquals(new double[] {0, 0, 1, -0.5, 0.25}, d.rewards());
        assertArrayEquals(new int[] {0, 3, 5}, d.episodeStarts());
        assertArrayEquals(new int[] {4, 7}, d.episodeTasks().orElseThrow());
        assertEquals(f.toString(), d.provenance().get("file"));
    }

    private static String error(Path dir, String text) throws IOException {
        Path f = dir.resolve("bad.csv");
        Files.writeString(f, text);
        String m = assertThrows(IllegalArgumentException.class, () -> CsvDatasets.read(f, OBS, ACT)).getMessage();
        return m.substring(("dataset file " + f + ": ").length());
    }

    @Test
    void badLogs_areRefusedNamingTheLineAndTheColumn(@TempDir Path dir) throws IOException {
        String expected = "[obs_0, obs_1, action, reward, next_obs_0, next_obs_1, terminal, timeout] and optionally "
                + "[task, log_prob]";
        assertEquals("line 1: unknown column 'obs_2'; expected " + expected,
                error(dir, GOOD.replace("task\n", "obs_2\n")));
        assertEquals("line 1: missing column 'timeout'; expected " + expected,
                error(dir, GOOD.replace(",timeout,", ",log_prob,")));
        assertEquals("line 3: 8 values, expected 9 (the header's columns)", error(dir, GOOD.replace("0,0.1,0.1,1,0.2,0.2,0,0,4",
                "0,0.1,0.1,1,0.2,0.2,0,0")));
        assertEquals("line 4, column 'action': expected a number, got 'left'", error(dir, GOOD.replace("1,0.2,0.2,2,",
                "1,0.2,0.2,left,")));
        assertEquals("line 5, column 'terminal': expected 0, 1, true or false, got 2.0",
                error(dir, GOOD.replace("0.6,0.6,0,0,7", "0.6,0.6,2,0,7")));
        assertEquals("rewards row 3: must be finite, got NaN", error(dir, GOOD.replace("-0.5,", "NaN,")));
        assertEquals("line 3, column 'task': an episode's rows must share one whole task id, got 5.0 after 4.0",
                error(dir, GOOD.replace("0,0.1,0.1,1,0.2,0.2,0,0,4", "0,0.1,0.1,1,0.2,0.2,0,0,5")));
        assertEquals("the file is empty; expected a header line naming the columns", error(dir, ""));
    }
}
