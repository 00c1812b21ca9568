package io.github.metarl4j.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvenanceTest {

    @Test
    void capturedProvenance_namesTheBuild_andReadsBackEqual(@TempDir Path dir) {
        Provenance p = Provenance.capture(42, List.of("train", "--config", "x.yaml"));
        assertTrue(p.libraryVersion().matches("\\d+\\.\\d+\\.\\d+.*"), p.libraryVersion());
        assertTrue(p.gitCommit().matches("[0-9a-f]{40}|unavailable"), p.gitCommit());
        assertEquals(Runtime.getRuntime().availableProcessors(), p.cores());
        assertEquals(42, p.seed());
        assertNull(p.end());
        Provenance ended = p.ended();
        assertNotNull(Instant.parse(ended.end()));
        ended.write(dir.resolve("provenance.json"));
        assertEquals(ended, Provenance.read(dir.resolve("provenance.json")));
    }
}
