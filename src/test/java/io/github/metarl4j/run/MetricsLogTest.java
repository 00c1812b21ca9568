package io.github.metarl4j.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.metarl4j.algo.MetaStepReport;
import io.github.metarl4j.algo.Metric;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsLogTest {

    private static MetaStepReport report(double x) {
        return new MetaStepReport(Metric.POLICY_GRADIENT, new double[] {x, x + 1, -x, 0.1 * x, 1e-3, 2.5, x > 1 ? 1 : 0, 3,
            4000, 0.5, 0.25, 1.0 / 3});
    }

    @Test
    void rows_holdEveryColumn_inCsvAndJson_andReadBackExactly(@TempDir Path dir) throws IOException {
        MetricsLog log = new MetricsLog(dir, Metric.POLICY_GRADIENT);
        log.append(0, report(0.7));
        log.append(1, report(2.0));
        List<String> csv = Files.readAllLines(log.csv());
        assertEquals("batch,return_before,return_after,objective_before,objective_after,kl,gradient_norm,accepted,"
                + "backtracks,env_steps,sampling_s,adaptation_s,outer_s", csv.get(0));
        assertEquals("0,0.7,1.7,-0.7,0.06999999999999999,0.001,2.5,false,3,4000,0.5,0.25,0.3333333333333333",
                csv.get(1));
        List<String> json = Files.readAllLines(log.jsonl());
        JsonNode row = new ObjectMapper().readTree(json.get(1));
        assertEquals(1, row.get("batch").asLong());
        assertEquals(3.0, row.get("return_after").asDouble());
        assertEquals(true, row.get("accepted").asBoolean());
        assertEquals(1.0 / 3, row.get("outer_s").asDouble());
        assertEquals(13, row.size());
    }

    @Test
    void nonFiniteValues_stayValidJson(@TempDir Path dir) throws IOException {
        MetricsLog log = new MetricsLog(dir, Metric.POLICY_GRADIENT);
        log.append(0, new MetaStepReport(Metric.POLICY_GRADIENT, new double[] {Double.NaN, 0, 0, 0, 0,
            Double.POSITIVE_INFINITY, 1, 0, 1, 0, 0, 0}));
        JsonNode row = new ObjectMapper().readTree(Files.readAllLines(log.jsonl()).get(0));
        assertEquals("NaN", row.get("return_before").asText());
        assertEquals("Infinity", row.get("gradient_norm").asText());
    }

    @Test
    void truncate_keepsTheRowsBeforeTheCheckpoint_andReopeningAppends(@TempDir Path dir) throws IOException {
        MetricsLog log = new MetricsLog(dir, Metric.POLICY_GRADIENT);
        for (int b = 0; b < 5; b++) {
            log.append(b, report(b));
        }
        log.truncate(3);
        MetricsLog reopened = new MetricsLog(dir, Metric.POLICY_GRADIENT);
        reopened.append(3, report(3));
        List<String> csv = Files.readAllLines(reopened.csv());
        assertEquals(5, csv.size());
        assertEquals(List.of("0", "1", "2", "3"), csv.subList(1, 5).stream().map(l -> l.split(",")[0]).toList());
        assertEquals(4, Files.readAllLines(reopened.jsonl()).size());
    }

    @Test
    void aRowThatDoesNotFollowTheLast_isRefused(@TempDir Path dir) {
        MetricsLog log = new MetricsLog(dir, Metric.POLICY_GRADIENT);
        log.append(0, report(0));
        log.append(1, report(1));
        IllegalStateException again = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> log.append(1, report(1)));
        assertEquals(log.csv() + " holds batches 0..1; batch 1 cannot follow them (a second writer, or a resume "
                + "without truncate)", again.getMessage());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> log.append(3, report(3)));
        assertEquals(List.of(0L, 1L), log.batches());
    }

    @Test
    void truncate_dropsARowCutShort_andAnythingAfterADuplicateOrAGap(@TempDir Path dir) throws IOException {
        MetricsLog log = new MetricsLog(dir, Metric.POLICY_GRADIENT);
        for (int b = 0; b < 4; b++) {
            log.append(b, report(b));
        }
        List<String> rows = Files.readAllLines(log.csv());
        // what two writers used to leave: batch 2 twice, then a row cut off by a crash
        Files.writeString(log.csv(), String.join("\n", rows.subList(0, 4)) + "\n" + rows.get(3) + "\n" + rows.get(4)
                + "\n" + rows.get(4).substring(0, 5));
        assertEquals(List.of(0L, 1L, 2L, 2L, 3L), new MetricsLog(dir, Metric.POLICY_GRADIENT).batches(), "the row cut short is not read");
        MetricsLog reopened = new MetricsLog(dir, Metric.POLICY_GRADIENT);
        reopened.truncate(10);
        assertEquals(List.of(0L, 1L, 2L), reopened.batches(), "rows after the repeat are dropped");
        assertEquals(3, Files.readAllLines(reopened.jsonl()).size());
        reopened.append(3, report(3));
        assertEquals(List.of(0L, 1L, 2L, 3L), reopened.batches());
        assertTrue(Files.readString(reopened.csv()).endsWith("\n"));
    }
}
