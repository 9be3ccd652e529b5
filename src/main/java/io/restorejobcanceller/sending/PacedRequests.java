package io.restorejobcanceller.sending;

import java.util.function.Supplier;

import io.restorejobcanceller.atlas.AtlasApiException;
import io.restorejobcanceller.atlas.AtlasUnreachableException;
import io.restorejobcanceller.atlas.AtlasVerdict;
import io.restorejobcanceller.atlas.Endpoint;
import io.restorejobcanceller.atlas.Retries;
import io.restorejobcanceller.atlas.Sleeper;
import io.restorejobcanceller.atlas.client.InFlightRequests;

/**
 * A request that is not a row's (a page of a list, a look-up of the buckets) under the DELETEs' policy: its endpoint
 * set's budget and pauses ({@link RequestThrottle} and {@link ThrottleFeedback}: {@code Retry-After}, 429s, refill
 * rates), transient answers sent again by the one retry loop ({@link Retries}, {@code canceller.retry.*}); every wait
 * through the {@link Sleeper} given.
 */
public final class PacedRequests {

    private final RequestThrottle throttle;
    private final ThrottleFeedback feedback;
    private final Retries retries;
    private final Sleeper sleeper;
    private final boolean retryUnanswered;

    /** {@code retryUnanswered}: whether a request that got no answer is sent again (else its failure is thrown at once). */
    public PacedRequests(RequestThrottle throttle, RetryProperties retry, Sleeper sleeper, boolean retryUnanswered) {
        this.throttle = throttle;
        this.feedback = new ThrottleFeedback(throttle, retry);
        this.retries = new Retries(retry.policy(), sleeper);
        this.sleeper = sleeper;
        this.retryUnanswered = retryUnanswered;
    }

    /**
     * @param project whose budget the request takes ({@code null}: none's, e.g. the list of projects)
     * @throws AtlasApiException a non-transient answer, or the last of {@code max-attempts} transient ones
     * @throws AtlasUnreachableException no answer came ({@code max-attempts} times when {@code retryUnanswered})
     * @throws InterruptedException a stop cut the request short
     */
    public <T> T send(Endpoint endpoint, String project, Supplier<T> request) throws InterruptedException {
        int[] rateLimited = {0};
        return retries.run(attempt -> {
            throttle.beforeRequest(endpoint, project, sleeper);
            try {
                return new Retries.Done<>(request.get());
            } catch (AtlasApiException e) {
                if (e.verdict() != AtlasVerdict.TRANSIENT) {
                    throw e;
                }
                rateLimited[0] += e.status() == 429 ? 1 : 0;
                return new Retries.Again<>(e, feedback.refused(endpoint, project, e, rateLimited[0]));
            } catch (AtlasUnreachableException e) {
                if (InFlightRequests.isStop(e)) {
                    // a stop (SIGTERM) cut the exchange: nothing more is asked, and nothing is made of what was not answered
                    throw new InterruptedException("stopped before Atlas answered");
                }
                if (!retryUnanswered) {
                    throw e;
                }
                return new Retries.Again<>(e, null);
            }
        }, (last, attempts) -> {
            throw last;
        });
    }
}
