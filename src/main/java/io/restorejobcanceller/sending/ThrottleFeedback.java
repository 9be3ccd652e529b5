package io.restorejobcanceller.sending;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import io.restorejobcanceller.atlas.AtlasAnswer;
import io.restorejobcanceller.atlas.AtlasApiException;
import io.restorejobcanceller.atlas.Endpoint;
import io.restorejobcanceller.atlas.Retries;

/**
 * What Atlas's answers tell the {@link RequestThrottle}: a {@code Retry-After}, or a 429 without one, pauses the
 * budget the request took from (its bucket is shared by every worker); a 429 that tells the bucket corrects that
 * budget; a low {@code RateLimit-Remaining} pauses it.
 */
public final class ThrottleFeedback {

    private final RequestThrottle throttle;
    private final RetryProperties retry;

    public ThrottleFeedback(RequestThrottle throttle, RetryProperties retry) {
        this.throttle = throttle;
        this.retry = retry;
    }

    void answered(Endpoint endpoint, String project, AtlasAnswer answer) {
        throttle.observeRemaining(endpoint, project, answer.rateLimitRemaining());
    }

    /**
     * Pauses the project for the wait the server asks for, and returns that wait (or {@code null}): its
     * {@code Retry-After} in full (up to {@code max-retry-after}), else, after a 429, at least
     * {@code rate-limited-delay} doubled for each further 429 of the row, with jitter.
     *
     * @param rateLimited the row's 429s so far, this one included
     */
    public Duration refused(Endpoint endpoint, String project, AtlasApiException e, int rateLimited) {
        Duration asked = serverWait(e, rateLimited);
        if (asked != null) {
            throttle.pause(endpoint, project, asked);
        }
        if (e.status() == 429) {
            Bucket.toldBy(e).ifPresent(told -> throttle.correct(endpoint, project, told));
        }
        return asked;
    }

    private Duration serverWait(AtlasApiException e, int rateLimited) {
        if (e.retryAfter() != null) {
            return Retries.min(e.retryAfter(), retry.maxRetryAfter());
        }
        if (e.status() != 429) {
            return null;
        }
        long jitterMillis = retry.jitter().isZero() ? 0 : ThreadLocalRandom.current().nextLong(retry.jitter().toMillis() + 1);
        Duration progressive = retry.rateLimitedDelay().multipliedBy(1L << Math.min(rateLimited - 1, 20));
        return Retries.min(progressive.plusMillis(jitterMillis), retry.maxRetryAfter());
    }
}
