package io.restorejobcanceller.sending;

import io.restorejobcanceller.testing.Rates;
import io.restorejobcanceller.atlas.RunRefusedException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;

import io.restorejobcanceller.atlas.ApiError;
import io.restorejobcanceller.atlas.AtlasAnswer;
import io.restorejobcanceller.atlas.AtlasApiException;
import io.restorejobcanceller.atlas.AtlasUnreachableException;
import io.restorejobcanceller.atlas.CancellationTarget;
import io.restorejobcanceller.atlas.client.RestoreJobs;
import io.restorejobcanceller.atlas.RestoreJobState;
import io.restorejobcanceller.outcome.Outcome;
import io.restorejobcanceller.testing.RecordingSleeper;
import org.junit.jupiter.api.Test;

/** How the sender turns Atlas's answers into an outcome, against scripted answers (no HTTP). */
class RestoreJobCancelSenderTest {

    private static final CancellationTarget TARGET =
            new CancellationTarget("32b6e34b3d91647abb20e7b8", "Cluster0", "65a1f0c2e4b0a1b2c3d4e5f6");

    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final Deque<Supplier<AtlasAnswer>> answers = new ArrayDeque<>();
    private int calls;
    private RestoreJobState state;
    private int reads;
    private int unansweredReads;
    private final RestoreJobCancelSender sender = new RestoreJobCancelSender(new RestoreJobs() {
        @Override
        public AtlasAnswer cancelRestoreJob(CancellationTarget target) {
            calls++;
            return (answers.size() > 1 ? answers.poll() : answers.peek()).get();
        }

        @Override
        public RestoreJobState restoreJob(CancellationTarget target) {
            if (reads++ < unansweredReads) {
                throw new AtlasUnreachableException("SocketTimeoutException: Read timed out", null);
            }
            return state;
        }
    }, new RetryProperties(4, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(60), Duration.ZERO,
            Duration.ofMinutes(10), Duration.ofSeconds(10)),
            sleeper, new RequestThrottle(Rates.configured(0, RateProperties.Scope.PROJECT, 0, 2, Duration.ofSeconds(2)), sleeper, sleeper.clock(), new AtlasPauses()));

    private void answer(Supplier<AtlasAnswer> answer) {
        answers.add(answer);
    }

    private static Supplier<AtlasAnswer> status(int status, String errorCode, Duration retryAfter) {
        return () -> {
            throw new AtlasApiException(status, new ApiError(status, errorCode, "reason", "detail of " + errorCode, List.of(), null),
                    null, null, retryAfter);
        };
    }

    private static Supplier<AtlasAnswer> noAnswer() {
        return () -> {
            throw new AtlasUnreachableException("SocketTimeoutException: Read timed out", null);
        };
    }

    @Test
    void a204IsCancelledAtTheFirstAttempt() throws Exception {
        // given
        answer(() -> new AtlasAnswer(204, 99));
        // when
        RowResult result = sender.send(TARGET);
        // then
        assertThat(result.outcome()).isEqualTo(Outcome.CANCELLED);
        assertThat(result.attempts()).isEqualTo(1);
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void a401StopsEverythingWithoutARetry() {
        answer(status(401, "UNAUTHORIZED", null));
        assertThatThrownBy(() -> sender.send(TARGET)).isInstanceOf(RunRefusedException.class);
        assertThat(calls).isEqualTo(1);
    }

    @Test
    void a404IsNotFoundWithoutARetry() throws Exception {
        answer(status(404, "RESOURCE_NOT_FOUND", null));
        RowResult result = sender.send(TARGET);
        assertThat(result.outcome()).isEqualTo(Outcome.NOT_FOUND);
        assertThat(result.httpStatus()).isEqualTo(404);
        assertThat(calls).isEqualTo(1);
    }

    @Test
    void anotherClientErrorIsRejectedWithItsCodeWithoutARetry() throws Exception {
        answer(status(400, "CANNOT_CANCEL_AUTOMATED_RESTORE", null));
        RowResult result = sender.send(TARGET);
        assertThat(result.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(result.errorCode()).isEqualTo("CANNOT_CANCEL_AUTOMATED_RESTORE");
        assertThat(result.detail()).contains("detail of CANNOT_CANCEL_AUTOMATED_RESTORE");
        assertThat(calls).isEqualTo(1);
    }

    @Test
    void aServerErrorIsRetriedWithBackoffUntilItSucceeds() throws Exception {
        answer(status(503, "SERVICE_UNAVAILABLE", null));
        answer(status(502, null, null));
        answer(() -> new AtlasAnswer(204, null));
        RowResult result = sender.send(TARGET);
        assertThat(result.outcome()).isEqualTo(Outcome.CANCELLED);
        assertThat(result.attempts()).isEqualTo(3);
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void aServerErrorToTheLastAttemptIsFailedAfterGivingUp() throws Exception {
        answer(status(500, "UNEXPECTED_ERROR", null));
        RowResult result = sender.send(TARGET);
        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.attempts()).isEqualTo(4);
        assertThat(result.detail()).startsWith("gave up after 4 attempts");
        assertThat(calls).isEqualTo(4);
    }

    @Test
    void noAnswerToTheLastAttemptIsFailedWithoutAStatus() throws Exception {
        answer(noAnswer());
        RowResult result = sender.send(TARGET);
        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.httpStatus()).isNull();
        assertThat(result.detail()).contains("Read timed out");
    }

    @Test
    void aNotFoundAfterAnUnansweredAttemptSaysTheEarlierOneMayHaveCancelled() throws Exception {
        answer(noAnswer());
        answer(status(404, "RESOURCE_NOT_FOUND", null));
        RowResult result = sender.send(TARGET);
        assertThat(result.outcome()).isEqualTo(Outcome.NOT_FOUND);
        assertThat(result.detail()).contains("may itself have cancelled");
    }

    @Test
    void retryAfterIsHonouredInFullUpToItsCap() throws Exception {
        answer(status(503, "SERVICE_UNAVAILABLE", Duration.ofMinutes(5)));
        answer(status(429, "RATE_LIMITED", Duration.ofMinutes(20)));
        answer(() -> new AtlasAnswer(204, null));
        RowResult result = sender.send(TARGET);
        assertThat(result.outcome()).isEqualTo(Outcome.CANCELLED);
        // each wait is this worker's own, after the pause it asked of every worker (sleeping through the same time)
        assertThat(sleeper.waits()).contains(Duration.ofMinutes(5), Duration.ofMinutes(10))
                .allSatisfy(wait -> assertThat(wait).isLessThanOrEqualTo(Duration.ofMinutes(10)));
    }

    @Test
    void a429WithoutRetryAfterWaitsTenSecondsThenProgressivelyLonger() throws Exception {
        answer(status(429, "RATE_LIMITED_TOKEN_BUCKET", null));
        RowResult result = sender.send(TARGET);
        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.attempts()).isEqualTo(4);
        assertThat(sleeper.waits()).containsSubsequence(Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(40))
                .allSatisfy(wait -> assertThat(wait).isGreaterThanOrEqualTo(Duration.ofSeconds(10)));
    }

    @Test
    void anUnknownProjectIsRejectedForItsWholeProject() throws Exception {
        answer(status(404, "GROUP_NOT_FOUND", null));
        RowResult result = sender.send(TARGET);
        assertThat(result.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(result.errorCode()).isEqualTo("GROUP_NOT_FOUND");
        assertThat(result.refusedScope()).isEqualTo(new RefusedScope(TARGET.groupId(), null));
        assertThat(calls).isEqualTo(1);
    }

    @Test
    void anUnknownClusterIsRejectedForThatClusterOnly() throws Exception {
        answer(status(404, "CLUSTER_NOT_FOUND", null));
        assertThat(sender.send(TARGET).refusedScope()).isEqualTo(new RefusedScope(TARGET.groupId(), TARGET.clusterName()));
    }

    @Test
    void a404WithoutAnAtlasCodeIsNeverNotFound() throws Exception {
        answer(() -> {
            throw new AtlasApiException(404, null, null, "<html>Not Found</html>", null);
        });
        RowResult result = sender.send(TARGET);
        assertThat(result.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(result.detail()).contains("not an Atlas error body");
    }

    @Test
    void writesRefusedDuringAnUpgradeAreSentAgain() throws Exception {
        answer(status(405, "WRITES_NOT_ALLOWED_DURING_APP_UPGRADES", null));
        answer(status(405, "WRITES_NOT_ALLOWED_DURING_APP_UPGRADES", null));
        answer(() -> new AtlasAnswer(204, null));
        RowResult result = sender.send(TARGET);
        assertThat(result.outcome()).isEqualTo(Outcome.CANCELLED);
        assertThat(result.attempts()).isEqualTo(3);
    }

    @Test
    void aHostOffTheAccessListStopsTheRunNamingTheAccessList() {
        answer(status(403, "IP_ADDRESS_NOT_ON_ACCESS_LIST", null));
        assertThatThrownBy(() -> sender.send(TARGET)).isInstanceOf(RunRefusedException.class)
                .hasMessageContaining("API access list");
        assertThat(calls).isEqualTo(1);
    }

    @Test
    void aProjectRefusedToTheseCredentialsDoesNotStopTheRun() throws Exception {
        answer(status(401, "NOT_IN_GROUP", null));
        assertThat(sender.send(TARGET).refusedScope()).isNotNull();
    }

    @Test
    void checkFirstSkipsARestoreJobWithNothingLeftToCancel() throws Exception {
        state = new RestoreJobState("download", false, false, "2026-11-22T02:00:00Z");
        RowResult result = sender.send(TARGET, RequestPlan.CHECK_THEN_DELETE);
        assertThat(result.outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(result.detail()).contains("already finished");
        assertThat(calls).isZero();
        assertThat(result.attempts()).isZero();
    }

    @Test
    void checkFirstRefusesAnAutomatedRestoreJobWithoutADelete() throws Exception {
        state = new RestoreJobState("automated", false, false, null);
        RowResult result = sender.send(TARGET, RequestPlan.CHECK_THEN_DELETE);
        assertThat(result.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(result.errorCode()).isEqualTo("NOT_A_DOWNLOAD_RESTORE_JOB");
        assertThat(calls).isZero();
    }

    @Test
    void checkFirstCancelsADownloadStillUnderWayWithOneDelete() throws Exception {
        state = new RestoreJobState("download", false, false, null);
        answer(() -> new AtlasAnswer(204, null));
        RowResult result = sender.send(TARGET, RequestPlan.CHECK_THEN_DELETE);
        assertThat(result.outcome()).isEqualTo(Outcome.CANCELLED);
        assertThat(result.attempts()).isEqualTo(1);
        assertThat(reads).isEqualTo(1);
    }

    @Test
    void aCheckedDryRunPlansWithoutADelete() throws Exception {
        state = new RestoreJobState("download", false, false, null);
        assertThat(sender.send(TARGET, RequestPlan.CHECK_ONLY).outcome()).isEqualTo(Outcome.PLANNED);
        assertThat(calls).isZero();
    }

    @Test
    void anUnansweredCheckIsNotTakenForADeleteThatMayHaveCancelled() throws Exception {
        state = new RestoreJobState("download", false, false, null);
        unansweredReads = 1;
        answer(status(404, "RESOURCE_NOT_FOUND", null));
        RowResult result = sender.send(TARGET, RequestPlan.CHECK_THEN_DELETE);
        assertThat(result.outcome()).isEqualTo(Outcome.NOT_FOUND);
        assertThat(result.attempts()).isEqualTo(1);
        assertThat(result.detail()).doesNotContain("may itself have cancelled");
    }
}
