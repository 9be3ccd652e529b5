package io.restorejobcanceller.hostile;

import static io.restorejobcanceller.testing.Targets.csv;
import static io.restorejobcanceller.testing.Targets.path;
import static org.assertj.core.api.Assertions.assertThat;

import io.restorejobcanceller.atlas.auth.AtlasCredentials;
import io.restorejobcanceller.testing.AtlasStub;
import io.restorejobcanceller.testing.CancellerHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Answers that never end hold nothing forever: each exchange is aborted at {@code canceller.atlas.request-timeout}
 * (here 1 s, under the harness's 2 s read timeout that each dripped byte resets) and an unwanted body is never drained.
 */
@ExtendWith(OutputCaptureExtension.class)
class UnendingAnswersTest {

    @RegisterExtension
    static final CancellerHarness canceller = new CancellerHarness();

    private static void useServer(TricklingServer server) {
        canceller.with("--canceller.atlas.base-url=" + server.baseUrl()).with("--canceller.atlas.request-timeout=1s")
                .with("--canceller.retry.max-attempts=2").with("--canceller.concurrency=1");
    }

    @Test
    void aDeleteWhoseAnswerDripsIsAbortedAtTheDeadlineAndRetriedAsUnanswered() throws Exception {
        try (TricklingServer server = new TricklingServer(TricklingServer.Answer.DRIP)) {
            // given: the answer's head takes 5.6 s, a byte every 200 ms
            useServer(server);

            // when
            int exitCode = canceller.run("cancel", canceller.file("in.csv", csv(2)).toString());

            // then
            assertThat(exitCode).isEqualTo(3);
            assertThat(canceller.outcomes()).hasSize(2).allSatisfy(row -> {
                assertThat(row.get("OUTCOME")).isEqualTo("FAILED");
                assertThat(row.get("ATTEMPTS")).isEqualTo(2);
                assertThat((String) row.get("DETAIL")).contains("gave up after 2 attempts; last: RequestTimeoutException:"
                        + " no complete answer within 1000 ms (canceller.atlas.request-timeout)");
            });
            assertThat(server.requestsOf(path(1))).isEqualTo(2);
            assertThat(server.requestsOf(path(2))).isEqualTo(2);
        }
    }

    @Test
    void aRestoreJobStateThatDripsIsUnansweredNotAnEmptyState() throws Exception {
        try (TricklingServer server = new TricklingServer(TricklingServer.Answer.DRIP_BODY)) {
            // given: the GET's 200 comes at once, its body a byte every 200 ms
            useServer(server);

            // when
            int exitCode = canceller.run("cancel", canceller.file("in.csv", csv(1)).toString(), "--check-first");

            // then: no DELETE on the strength of a state never read
            assertThat(exitCode).isEqualTo(3);
            assertThat(canceller.outcomes()).singleElement().satisfies(row -> {
                assertThat(row.get("OUTCOME")).isEqualTo("FAILED");
                assertThat((String) row.get("DETAIL")).contains("no complete answer within 1000 ms");
            });
            assertThat(server.requestsOf(path(1))).isEqualTo(2);
        }
    }

    @Test
    void endlessProcessingInterimAnswersAreAbortedAtTheDeadline() throws Exception {
        try (TricklingServer server = new TricklingServer(TricklingServer.Answer.ENDLESS_102)) {
            // given
            useServer(server);

            // when
            int exitCode = canceller.run("cancel", canceller.file("in.csv", csv(2)).toString());

            // then
            assertThat(exitCode).isEqualTo(3);
            assertThat(canceller.outcomes()).hasSize(2).allSatisfy(row -> {
                assertThat(row.get("OUTCOME")).isEqualTo("FAILED");
                assertThat((String) row.get("DETAIL")).contains("no complete answer within 1000 ms");
            });
            assertThat(server.requests()).isEqualTo(4);
        }
    }

    @Test
    void theEndlessBodyOfASuccessIsNotDrained() throws Exception {
        try (TricklingServer server = new TricklingServer(TricklingServer.Answer.ENDLESS_CHUNKED_200)) {
            // given
            useServer(server);

            // when
            int exitCode = canceller.run("cancel", canceller.file("in.csv", csv(3)).toString());

            // then: the status said enough; the connection is closed instead of read to an end that never comes
            assertThat(exitCode).isZero();
            assertThat(canceller.outcomes()).hasSize(3).allSatisfy(row -> {
                assertThat(row.get("OUTCOME")).isEqualTo("CANCELLED");
                assertThat(row.get("ATTEMPTS")).isEqualTo(1);
            });
            assertThat(server.requests()).isEqualTo(3);
        }
    }

    @Test
    void theEndlessBodyOfAnErrorIsReadInPartOnly() throws Exception {
        try (TricklingServer server = new TricklingServer(TricklingServer.Answer.ENDLESS_CHUNKED_503)) {
            // given
            useServer(server);

            // when
            int exitCode = canceller.run("cancel", canceller.file("in.csv", csv(2)).toString());

            // then
            assertThat(exitCode).isEqualTo(3);
            assertThat(canceller.outcomes()).hasSize(2).allSatisfy(row -> {
                assertThat(row.get("OUTCOME")).isEqualTo("FAILED");
                assertThat(row.get("HTTP_STATUS")).isEqualTo(503);
                assertThat((String) row.get("DETAIL")).contains("HTTP 503 (not an Atlas error body): xxxx");
            });
            assertThat(server.requests()).isEqualTo(4);
        }
    }

    @Test
    void aRevocationThatNeverEndsDoesNotKeepTheRunAlive(CapturedOutput output) throws Exception {
        try (TricklingServer revocation = new TricklingServer(TricklingServer.Answer.ENDLESS_102)) {
            // given: tokens and DELETEs answered normally; the end-of-run revocation never answers
            AtlasStub atlas = canceller.atlas();
            atlas.tokenEndpointAnswers(AtlasStub.tokenResponse("sa-token-1", 3600));
            canceller.token(null).env(AtlasCredentials.CLIENT_ID, "mdb_sa_id_test").env(AtlasCredentials.CLIENT_SECRET, "mdb_sa_sk_test")
                    .with("--canceller.atlas.revoke-url=" + revocation.baseUrl() + "/api/oauth/revoke")
                    .with("--canceller.atlas.request-timeout=1s");

            // when
            int exitCode = canceller.run("cancel", canceller.file("in.csv", csv(2)).toString());

            // then
            assertThat(exitCode).isZero();
            assertThat(revocation.requestsOf("/api/oauth/revoke")).isEqualTo(1);
            assertThat(output.getErr()).contains("Could not revoke a service-account access token");
        }
    }
}
