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
 * lets 1 % hang past the read timeout: the job completes, every row has exactly one outcome, the one the stub's
 * answers to its restore job allow, after exactly as many DELETEs as the stub received (so none was sent after the
 * row's verdict; a DELETE the stub handles late, after the row's retry, is one the client sent earlier).
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
            List<Map<String, Object>> outcomes = canceller.outcomes();
            assertThat(outcomes).hasSize(rows);
            assertThat(outcomes.stream().map(row -> row.get("LINE_NUMBER")).distinct()).hasSize(rows);
            Map<Object, Long> counts = outcomes.stream().collect(Collectors.groupingBy(row -> row.get("OUTCOME"), Collectors.counting()));
            System.out.printf("Fault soak: %d rows, %d requests, outcomes %s%n", rows, atlas.requests(), counts);
            for (Map<String, Object> row : outcomes) {
                String path = path(Targets.GROUP, (String) row.get("RESTORE_JOB_ID"));
                List<String> answers = atlas.answersTo(path);
                assertThat(answers).as("what the stub answered to line %s", row.get("LINE_NUMBER")).isNotEmpty();
                assertThat(row.get("ATTEMPTS")).as("DELETEs of line %s (%s)", row.get("LINE_NUMBER"), answers)
                        .isEqualTo(answers.size());
                assertConsistent(row, answers);
            }
            assertThat(canceller.database().sql("SELECT STATUS FROM BATCH_JOB_EXECUTION").query(String.class).single())
                    .isEqualTo("COMPLETED");
            assertThat(exitCode).isEqualTo(counts.containsKey("FAILED") ? 3 : 0);
        }
    }

    /**
     * The row's outcome agrees with what the stub did to its restore job: a single clean 204 is CANCELLED; CANCELLED
     * needs a 204; NOT_FOUND needs the row's own earlier DELETE to have cancelled it unanswered (a 204 the client did not
     * read, then a 404), and says so; FAILED spent every attempt (a 204 may be among them when its answer came too late).
     */
    private static void assertConsistent(Map<String, Object> row, List<String> answers) {
        var line = assertThat(row.get("OUTCOME")).as("line %s answered %s: %s", row.get("LINE_NUMBER"), answers, row.get("DETAIL"));
        if (answers.equals(List.of("204"))) {
            line.isEqualTo("CANCELLED");
        }
        switch ((String) row.get("OUTCOME")) {
            case "CANCELLED" -> assertThat(answers).contains("204");
            case "NOT_FOUND" -> {
                assertThat(answers).contains("204", "404");
                assertThat((String) row.get("DETAIL")).contains("may itself have cancelled");
            }
            case "FAILED" -> assertThat(answers).hasSize(4);
            default -> line.isIn("CANCELLED", "NOT_FOUND", "FAILED");
        }
    }

    private static String path(String group, String restoreJobId) {
        return io.restorejobcanceller.testing.AtlasStub.path(group, Targets.CLUSTER, restoreJobId);
    }
}
