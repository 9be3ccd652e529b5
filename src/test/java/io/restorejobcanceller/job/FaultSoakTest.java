package io.restorejobcanceller.job;

import static io.restorejobcanceller.testing.Targets.csv;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.restorejobcanceller.testing.CancellerHarness;
import io.restorejobcanceller.testing.LoopbackAtlas;
import io.restorejobcanceller.testing.Targets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 5,000 rows against an endpoint that answers 10 % 503, 5 % 429 with Retry-After, drops 2 % of the connections and
 * lets 1 % hang past the read timeout: the job completes, every row has exactly one outcome, and no restore job that
 * ended CANCELLED got a DELETE after Atlas had cancelled it.
 */
class FaultSoakTest {

    @RegisterExtension
    static final CancellerHarness canceller = new CancellerHarness();

    @Test
    void theJobCompletesWithOneOutcomePerRowAndNothingCancelledIsSentAgain() throws Exception {
        // given
        int rows = 5000;
        var faults = new LoopbackAtlas.Faults(0.10, 0.05, 0.02, 0.01);
        try (LoopbackAtlas atlas = new LoopbackAtlas(0, 1, faults, 1500, 7)) {
            Path input = canceller.file("in.csv", csv(rows));

            // when
            int exitCode = canceller.with("--canceller.atlas.base-url=" + atlas.baseUrl())
                    .with("--canceller.atlas.read-timeout=300ms").with("--canceller.concurrency=8")
                    .run("--input=" + input);

            // then
            assertThat(exitCode).isIn(0, 3);
            List<Map<String, Object>> outcomes = canceller.outcomes();
            assertThat(outcomes).hasSize(rows);
            assertThat(outcomes.stream().map(row -> row.get("LINE_NUMBER")).distinct()).hasSize(rows);
            Map<Object, Long> counts = outcomes.stream().collect(Collectors.groupingBy(row -> row.get("OUTCOME"), Collectors.counting()));
            System.out.printf("Fault soak: %d rows, %d requests, outcomes %s%n", rows, atlas.requests(), counts);
            assertThat(counts.get("CANCELLED")).isGreaterThan(rows * 9L / 10);
            for (Map<String, Object> row : outcomes) {
                String path = path(Targets.GROUP, (String) row.get("RESTORE_JOB_ID"));
                if ("CANCELLED".equals(row.get("OUTCOME"))) {
                    assertThat(atlas.deletesAfterCancel(path)).as("DELETEs after the cancel of %s", path).isZero();
                }
            }
            assertThat(canceller.database().sql("SELECT STATUS FROM BATCH_JOB_EXECUTION").query(String.class).single())
                    .isEqualTo("COMPLETED");
        }
    }

    private static String path(String group, String restoreJobId) {
        return io.restorejobcanceller.testing.AtlasStub.path(group, Targets.CLUSTER, restoreJobId);
    }
}
