package io.restorejobcanceller.job;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static io.restorejobcanceller.testing.Targets.csv;
import static io.restorejobcanceller.testing.Targets.path;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.restorejobcanceller.testing.AtlasStub;
import io.restorejobcanceller.testing.CancellerHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The whole job, end to end: real H2 file, real Feign + HttpClient 5, WireMock on loopback. */
@ExtendWith(OutputCaptureExtension.class)
class CancellationJobTest {

    @RegisterExtension
    static final CancellerHarness canceller = new CancellerHarness();
    private static final AtlasStub atlas = canceller.atlas();

    @Test
    void cancelsEveryRowOfTheSampleFileOnce(CapturedOutput output) {
        // given
        Path input = Path.of("sample-data/restore-jobs.csv");

        // when
        int exitCode = canceller.run("cancel", input.toString());

        // then
        assertThat(exitCode).isZero();
        List<Map<String, Object>> outcomes = canceller.outcomes();
        assertThat(outcomes).hasSize(5).allSatisfy(row -> {
            assertThat(row.get("OUTCOME")).isEqualTo("CANCELLED");
            assertThat(row.get("HTTP_STATUS")).isEqualTo(204);
            assertThat(row.get("ATTEMPTS")).isEqualTo(1);
            assertThat(row.get("INPUT_FILE")).isEqualTo(input.toAbsolutePath().toString());
            assertThat(row.get("RECORDED_AT")).isNotNull();
        });
        assertThat(outcomes).extracting(row -> row.get("LINE_NUMBER")).containsExactly(3L, 4L, 5L, 6L, 7L);
        assertThat(atlas.requests()).hasSize(5).allSatisfy(request -> {
            assertThat(request.getMethod().getName()).isEqualTo("DELETE");
            assertThat(request.getHeader("Accept")).isEqualTo(AtlasStub.ACCEPT);
            assertThat(request.getHeader("Authorization")).isEqualTo("Bearer test-token");
            assertThat(request.getHeader("User-Agent")).startsWith("restore-job-canceller/");
        });
        assertThat(atlas.deletesOf(AtlasStub.path("32b6e34b3d91647abb20e7b8", "analytics-prod", "65a1f0c2e4b0a1b2c3d4e5f8")))
                .isEqualTo(1);
        Map<String, Object> step = canceller.database()
                .sql("SELECT READ_COUNT, WRITE_COUNT, WRITE_SKIP_COUNT, STATUS FROM BATCH_STEP_EXECUTION").query().singleRow();
        assertThat(step).containsEntry("READ_COUNT", 5L).containsEntry("WRITE_COUNT", 5L)
                .containsEntry("WRITE_SKIP_COUNT", 0L).containsEntry("STATUS", "COMPLETED");
        assertThat(output.getOut()).contains("COMPLETED").contains("CANCELLED=5");
    }

    @Test
    void invalidAndDuplicateRowsNeverReachTheServer() {
        // given
        Path input = Path.of("sample-data/every-kind-of-bad-row.csv");

        // when
        int exitCode = canceller.run("cancel", input.toString());

        // then
        assertThat(exitCode).isEqualTo(3);
        assertThat(atlas.requests()).extracting(r -> r.getUrl()).containsExactlyInAnyOrder(
                AtlasStub.path("32b6e34b3d91647abb20e7b8", "Cluster0", "65a1f0c2e4b0a1b2c3d4e5f6"),
                AtlasStub.path("32b6e34b3d91647abb20e7b8", "Cluster0", "65a1f0c2e4b0a1b2c3d4e5f8"));
        Map<Object, Object> outcomeByLine = new TreeMap<>();
        canceller.outcomes().forEach(row -> outcomeByLine.put(row.get("LINE_NUMBER"), row.get("OUTCOME")));
        assertThat(outcomeByLine).containsEntry(3L, "CANCELLED").containsEntry(5L, "DUPLICATE")
                .containsEntry(18L, "CANCELLED").hasSize(14);
        assertThat(outcomeByLine.values()).filteredOn("INVALID"::equals).hasSize(11);
        assertThat(detailOfLine(5)).isEqualTo("same target as line 3");
        assertThat(detailOfLine(6)).contains("groupId '32B6E34B3D91647ABB20E7B8' is not a 24-character lowercase hexadecimal id");
        assertThat(detailOfLine(8)).contains("clusterName '../../admin' may contain only letters, digits and hyphens");
        assertThat(detailOfLine(9)).contains("clusterName 'a%2Fb'");
        assertThat(detailOfLine(12)).contains("clusterName is 65 characters long");
        assertThat(detailOfLine(13)).contains("groupId is empty");
        assertThat(detailOfLine(15)).contains("clusterName is missing");
        assertThat(detailOfLine(16)).contains("unterminated quoted field");
    }

    @Test
    void recordsNotFoundWithoutRetrying() {
        // given
        atlas.answer(path(1), AtlasStub.apiError(404, "RESOURCE_NOT_FOUND", "Not Found", "Cannot find resource."));
        Path input = canceller.file("in.csv", csv(2));

        // when
        int exitCode = canceller.run("cancel", input.toString());

        // then
        assertThat(exitCode).isZero();
        assertThat(outcomeOfLine(2)).containsEntry("OUTCOME", "NOT_FOUND").containsEntry("HTTP_STATUS", 404)
                .containsEntry("ERROR_CODE", "RESOURCE_NOT_FOUND").containsEntry("ATTEMPTS", 1);
        assertThat(atlas.deletesOf(path(1))).isEqualTo(1);
        assertThat(outcomeOfLine(3)).containsEntry("OUTCOME", "CANCELLED");
    }

    @Test
    void recordsRejectionsWithTheirErrorCodeAndSendsThemOnce() {
        // given
        atlas.answer(path(1), AtlasStub.apiError(405, "ATLAS_BACKUP_CANCEL_SHARD_RESTORE_JOB_NOT_ALLOWED",
                "Method Not Allowed", "Cannot cancel a sharded cluster restore job."));
        atlas.answer(path(2), AtlasStub.apiError(400, "CANNOT_CANCEL_AUTOMATED_RESTORE", "Bad Request", "Cannot cancel an automated restore."));
        atlas.answer(path(3), AtlasStub.apiError(400, "VALIDATION_ERROR", "Bad Request", "Invalid restore job."));
        atlas.answer(path(4), aResponse().withStatus(409)
                .withHeader("Content-Type", "text/html").withBody("<html>conflict</html>"));
        Path input = canceller.file("in.csv", csv(5));

        // when
        int exitCode = canceller.run("cancel", input.toString());

        // then
        assertThat(exitCode).isEqualTo(3);
        assertThat(outcomeOfLine(2)).containsEntry("OUTCOME", "REJECTED").containsEntry("HTTP_STATUS", 405)
                .containsEntry("ERROR_CODE", "ATLAS_BACKUP_CANCEL_SHARD_RESTORE_JOB_NOT_ALLOWED");
        assertThat(outcomeOfLine(3)).containsEntry("OUTCOME", "REJECTED").containsEntry("ERROR_CODE", "CANNOT_CANCEL_AUTOMATED_RESTORE");
        assertThat(outcomeOfLine(4)).containsEntry("OUTCOME", "REJECTED").containsEntry("ERROR_CODE", "VALIDATION_ERROR");
        assertThat(outcomeOfLine(5)).containsEntry("OUTCOME", "REJECTED").containsEntry("HTTP_STATUS", 409)
                .containsEntry("ERROR_CODE", null);
        assertThat(detailOfLine(5)).contains("<html>conflict</html>");
        assertThat(outcomeOfLine(6)).containsEntry("OUTCOME", "CANCELLED");
        for (int n = 1; n <= 5; n++) {
            assertThat(atlas.deletesOf(path(n))).as("DELETEs of target %d", n).isEqualTo(1);
        }
        assertThat(canceller.database().sql("SELECT WRITE_SKIP_COUNT FROM BATCH_STEP_EXECUTION").query(Long.class).single())
                .isEqualTo(4L);
    }

    @Test
    void retriesA503ThenRecordsCancelledWithThreeAttempts() {
        // given
        atlas.answerInTurn(path(1), AtlasStub.unavailable(), AtlasStub.unavailable(), AtlasStub.cancelled());
        Path input = canceller.file("in.csv", csv(1));

        // when
        int exitCode = canceller.run("cancel", input.toString());

        // then
        assertThat(exitCode).isZero();
        assertThat(outcomeOfLine(2)).containsEntry("OUTCOME", "CANCELLED").containsEntry("ATTEMPTS", 3)
                .containsEntry("HTTP_STATUS", 204);
        assertThat(atlas.deletesOf(path(1))).isEqualTo(3);
        assertThat(canceller.sleeper().waits()).hasSize(2);
    }

    @Test
    void honoursRetryAfterOfA429() {
        // given
        atlas.answerInTurn(path(1), AtlasStub.rateLimited(7), AtlasStub.cancelled());
        Path input = canceller.file("in.csv", csv(1));

        // when
        int exitCode = canceller.run("cancel", input.toString());

        // then
        assertThat(exitCode).isZero();
        assertThat(canceller.sleeper().waits()).containsExactly(Duration.ofSeconds(7));
        assertThat(outcomeOfLine(2)).containsEntry("OUTCOME", "CANCELLED").containsEntry("ATTEMPTS", 2);
    }

    @Test
    void capsARetryAfterLongerThanItsMaximum() {
        // given
        atlas.answerInTurn(path(1), AtlasStub.rateLimited(3600), AtlasStub.cancelled());
        Path input = canceller.file("in.csv", csv(1));

        // when
        int exitCode = canceller.with("--canceller.retry.max-retry-after=90s").run("cancel", input.toString());

        // then
        assertThat(exitCode).isZero();
        assertThat(canceller.sleeper().waits()).containsExactly(Duration.ofSeconds(90));
    }

    @Test
    void recordsFailedWhenRetriesRunOut() {
        // given
        atlas.answer(path(1), AtlasStub.unavailable());
        Path input = canceller.file("in.csv", csv(2));

        // when
        int exitCode = canceller.run("cancel", input.toString());

        // then
        assertThat(exitCode).isEqualTo(3);
        assertThat(outcomeOfLine(2)).containsEntry("OUTCOME", "FAILED").containsEntry("ATTEMPTS", 4)
                .containsEntry("HTTP_STATUS", 503).containsEntry("ERROR_CODE", "SERVICE_UNAVAILABLE");
        assertThat(detailOfLine(2)).startsWith("gave up after 4 attempts");
        assertThat(atlas.deletesOf(path(1))).isEqualTo(4);
        assertThat(canceller.sleeper().waits()).containsExactly(Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(4));
        assertThat(outcomeOfLine(3)).containsEntry("OUTCOME", "CANCELLED");
    }

    @Test
    void retriesAConnectionResetAndAReadTimeout() {
        // given
        atlas.answerInTurn(path(1), AtlasStub.connectionReset(), AtlasStub.cancelled());
        atlas.answerInTurn(path(2), AtlasStub.cancelled().withFixedDelay(1500),
                AtlasStub.apiError(404, "RESOURCE_NOT_FOUND", "Not Found", "Cannot find resource."));
        Path input = canceller.file("in.csv", csv(2));

        // when
        int exitCode = canceller.with("--canceller.atlas.read-timeout=300ms").run("cancel", input.toString());

        // then
        assertThat(exitCode).isZero();
        assertThat(outcomeOfLine(2)).containsEntry("OUTCOME", "CANCELLED").containsEntry("ATTEMPTS", 2);
        assertThat(outcomeOfLine(3)).containsEntry("OUTCOME", "NOT_FOUND").containsEntry("ATTEMPTS", 2);
        assertThat(detailOfLine(3)).contains("an earlier attempt got no answer");
    }

    @Test
    void aRejectedRowInTheMiddleOfAChunkCausesNoSecondDeleteForItsNeighbours() {
        // given
        atlas.answer(path(2), AtlasStub.apiError(405, "ATLAS_BACKUP_CANCEL_SHARD_RESTORE_JOB_NOT_ALLOWED",
                "Method Not Allowed", "Cannot cancel a sharded cluster restore job."));
        atlas.answerInTurn(path(5), AtlasStub.unavailable(), AtlasStub.cancelled());
        Path input = canceller.file("in.csv", csv(6));

        // when
        int exitCode = canceller.with("--canceller.chunk-size=3").run("cancel", input.toString());

        // then
        assertThat(exitCode).isEqualTo(3);
        assertThat(atlas.deletesOf(path(1))).isEqualTo(1);
        assertThat(atlas.deletesOf(path(2))).isEqualTo(1);
        assertThat(atlas.deletesOf(path(3))).isEqualTo(1);
        assertThat(atlas.deletesOf(path(4))).isEqualTo(1);
        assertThat(atlas.deletesOf(path(5))).isEqualTo(2);
        assertThat(atlas.deletesOf(path(6))).isEqualTo(1);
        assertThat(atlas.requests()).hasSize(7);
        assertThat(canceller.outcomes()).hasSize(6);
    }

    private Map<String, Object> outcomeOfLine(long line) {
        return canceller.database().sql("SELECT * FROM CANCELLATION_OUTCOME WHERE LINE_NUMBER = ?").param(line)
                .query().singleRow();
    }

    private String detailOfLine(long line) {
        return (String) outcomeOfLine(line).get("DETAIL");
    }

}
