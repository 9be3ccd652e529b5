package io.restorejobcanceller.sending;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import io.restorejobcanceller.atlas.AtlasAnswer;
import io.restorejobcanceller.atlas.AtlasApiException;
import io.restorejobcanceller.atlas.AtlasUnreachableException;
import io.restorejobcanceller.atlas.AtlasVerdict;
import io.restorejobcanceller.atlas.CancellationTarget;
import io.restorejobcanceller.atlas.RestoreJobCancellation;
import io.restorejobcanceller.atlas.RestoreJobState;
import io.restorejobcanceller.atlas.Sleeper;
import io.restorejobcanceller.outcome.Outcome;

import org.springframework.core.retry.RetryPolicy;
import org.springframework.stereotype.Component;
import org.springframework.util.backoff.BackOffExecution;

/**
 * Sends the DELETE for one target until it has a final outcome. What an answer means is Atlas's
 * {@link AtlasVerdict}; how long to wait before sending again comes from a Spring {@link RetryPolicy}'s backoff.
 * The loop is our own because a server's {@code Retry-After} must lengthen the wait, every attempt must be counted
 * for the audit, and the waits go through a {@link Sleeper}.
 */
@Component
public class RestoreJobCancelSender {

    /** The ERROR_CODE of a row refused after {@code --check-first} found an automated or point-in-time restore job. */
    public static final String NOT_A_DOWNLOAD_RESTORE_JOB = "NOT_A_DOWNLOAD_RESTORE_JOB";

    private final RestoreJobCancellation atlas;
    private final RetryPolicy retryPolicy;
    private final RetryProperties retry;
    private final Sleeper sleeper;
    private final RequestThrottle throttle;

    public RestoreJobCancelSender(RestoreJobCancellation atlas, RetryProperties retry, Sleeper sleeper, RequestThrottle throttle) {
        this.atlas = atlas;
        this.throttle = throttle;
        this.retry = retry;
        this.sleeper = sleeper;
        this.retryPolicy = RetryPolicy.builder()
                .maxRetries(retry.maxAttempts() - 1)
                .delay(retry.initialDelay())
                .multiplier(retry.multiplier())
                .maxDelay(retry.maxDelay())
                .jitter(retry.jitter())
                .build();
    }

    /**
     * The row's final outcome. What each answer means is Atlas's {@link AtlasVerdict}: transient ones are sent again
     * with backoff; a refused project or cluster is REJECTED with its {@link RefusedScope}; a refusal of the
     * credentials or of this host throws {@link RunRefusedException}.
     */
    public CancelResult send(CancellationTarget target) throws InterruptedException {
        return send(target, Requests.DELETE);
    }

    /** Which requests a row gets: the DELETE, or first a GET of the restore job ({@code --check-first}), or only that. */
    public enum Requests { DELETE, CHECK_THEN_DELETE, CHECK_ONLY }

    public CancelResult send(CancellationTarget target, Requests requests) throws InterruptedException {
        return send(target, requests, false);
    }

    /**
     * Sends the row's requests with retries. {@code permitHeld}: the dispatcher already took the rate-limit permit for
     * the first request ({@link RequestThrottle#tryAcquire}); every further request (a retry, the DELETE after a
     * check) waits for its own.
     */
    public CancelResult send(CancellationTarget target, Requests requests, boolean permitHeld) throws InterruptedException {
        String project = target.groupId();
        BackOffExecution backOff = retryPolicy.getBackOff().start();
        boolean unansweredBefore = false;
        int rateLimited = 0;
        int deletes = 0;
        RestoreJobState state = null;
        for (int attempt = 1; ; attempt++) {
            RuntimeException failure;
            Duration asked = null;
            int deletesBefore = deletes;
            if (attempt > 1 || !permitHeld) {
                throttle.beforeRequest(project);
            }
            try {
                if (requests != Requests.DELETE && state == null) {
                    state = atlas.restoreJob(target);
                    CancelResult decided = decide(state, requests);
                    if (decided != null) {
                        return decided;
                    }
                    throttle.beforeRequest(project);
                }
                deletes++;
                AtlasAnswer answer = atlas.cancelRestoreJob(target);
                throttle.observeRemaining(project, answer.rateLimitRemaining());
                return new CancelResult(Outcome.CANCELLED, answer.status(), null, maybeEarlierUnanswered(unansweredBefore), deletes);
            } catch (AtlasApiException e) {
                rateLimited += e.status() == 429 ? 1 : 0;
                asked = serverWait(e, rateLimited);
                if (asked != null) {
                    throttle.pause(project, asked); // Atlas's buckets are per project, shared by every worker
                }
                if (e.status() == 429) {
                    RefillRate.in(e.getMessage()).ifPresent(told -> throttle.learnRefillRate(project, told.requests(), told.per()));
                }
                CancelResult result = switch (e.verdict()) {
                    case CREDENTIALS_REFUSED -> throw new RunRefusedException(atlas.destination() + " refused the credentials ("
                            + e.getMessage() + ") while cancelling " + target + "; check them (README: Credentials)");
                    case HOST_NOT_ALLOWED -> throw new RunRefusedException("Atlas refuses requests from this host (" + e.getMessage()
                            + "); add this host's public IP address to the organisation's API access list, or run from a host on it");
                    case GONE -> answered(Outcome.NOT_FOUND, e, deletes, unansweredBefore, null);
                    case PROJECT_REFUSED -> answered(Outcome.REJECTED, e, deletes, unansweredBefore, RefusedScope.project(target));
                    case CLUSTER_REFUSED -> answered(Outcome.REJECTED, e, deletes, unansweredBefore, RefusedScope.cluster(target));
                    case REJECTED -> answered(Outcome.REJECTED, e, deletes, unansweredBefore, null);
                    case UNEXPECTED -> answered(Outcome.FAILED, e, deletes, unansweredBefore, null);
                    case TRANSIENT -> null;
                };
                if (result != null) {
                    return result;
                }
                failure = e;
            } catch (AtlasUnreachableException e) {
                unansweredBefore |= deletes > deletesBefore; // only an unanswered DELETE may have cancelled the job
                failure = e;
            }
            long backOffMillis = backOff.nextBackOff();
            if (backOffMillis == BackOffExecution.STOP) {
                return gaveUp(failure, attempt, deletes);
            }
            Duration wait = min(Duration.ofMillis(backOffMillis), retry.maxDelay());
            sleeper.sleep(asked != null && asked.compareTo(wait) > 0 ? asked : wait);
        }
    }

    /**
     * The wait the server asks for: its {@code Retry-After} in full (up to {@code max-retry-after}), else, after a
     * 429, at least {@code rate-limited-delay} doubled for each further 429 of the row, with jitter; or {@code null}.
     */
    private Duration serverWait(AtlasApiException e, int rateLimited) {
        if (e.retryAfter() != null) {
            return min(e.retryAfter(), retry.maxRetryAfter());
        }
        if (e.status() != 429) {
            return null;
        }
        long jitterMillis = retry.jitter().isZero() ? 0 : ThreadLocalRandom.current().nextLong(retry.jitter().toMillis() + 1);
        Duration progressive = retry.rateLimitedDelay().multipliedBy(1L << Math.min(rateLimited - 1, 20));
        return min(progressive.plusMillis(jitterMillis), retry.maxRetryAfter());
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) > 0 ? b : a;
    }

    private static CancelResult answered(Outcome outcome, AtlasApiException e, int attempts, boolean unansweredBefore,
                                         RefusedScope refusedScope) {
        String detail = e.getMessage();
        if (unansweredBefore && outcome == Outcome.NOT_FOUND) {
            detail = detail + " (" + maybeEarlierUnanswered(true) + ")";
        }
        return new CancelResult(outcome, e.status(), e.errorCode(), detail, attempts, refusedScope);
    }

    private static CancelResult gaveUp(RuntimeException failure, int attempts, int deletes) {
        String detail = "gave up after " + attempts + " attempts; last: " + failure.getMessage();
        if (failure instanceof AtlasApiException e) {
            return new CancelResult(Outcome.FAILED, e.status(), e.errorCode(), detail, deletes);
        }
        return new CancelResult(Outcome.FAILED, null, null, detail, deletes);
    }

    /** What the restore job's state decides without a DELETE, or {@code null} when the DELETE is to be sent. */
    private static CancelResult decide(RestoreJobState state, Requests requests) {
        String nothingToCancel = state.nothingToCancel();
        if (nothingToCancel != null) {
            return CancelResult.notSent(Outcome.SKIPPED, "checked first: " + nothingToCancel);
        }
        if (!state.isCancellable()) {
            return new CancelResult(Outcome.REJECTED, null, NOT_A_DOWNLOAD_RESTORE_JOB, "checked first: a " + state.deliveryType()
                    + " restore job; only manual-download restore jobs can be cancelled", 0);
        }
        return requests == Requests.CHECK_ONLY ? CancelResult.notSent(Outcome.PLANNED, "dry run, checked first: would send DELETE") : null;
    }

    private static String maybeEarlierUnanswered(boolean unansweredBefore) {
        return unansweredBefore ? "an earlier attempt got no answer and may itself have cancelled the restore job" : null;
    }
}
