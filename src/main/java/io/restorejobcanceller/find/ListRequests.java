package io.restorejobcanceller.find;

import java.time.Duration;
import java.util.function.Function;

import feign.Response;
import io.restorejobcanceller.atlas.AtlasApiException;
import io.restorejobcanceller.atlas.AtlasBackupApi;
import io.restorejobcanceller.atlas.AtlasBackupClient;
import io.restorejobcanceller.atlas.AtlasPage;
import io.restorejobcanceller.atlas.AtlasUnreachableException;
import io.restorejobcanceller.atlas.AtlasVerdict;
import io.restorejobcanceller.atlas.Sleeper;
import io.restorejobcanceller.sending.RequestThrottle;
import io.restorejobcanceller.sending.RetryProperties;

import org.springframework.stereotype.Component;

/**
 * One page of a list, sent under the same policy as the DELETEs: the project's request budget and pauses
 * ({@link RequestThrottle}), a server's {@code Retry-After} honoured in full (up to {@code max-retry-after}), transient
 * answers sent again with the {@code canceller.retry.*} backoff. The only place {@code find} touches sending/: a GET
 * changes nothing, so there are no attempts to count for an audit, and this loop stays a few lines until sending/'s
 * own loop can serve any request.
 */
@Component
class ListRequests {

    private final AtlasBackupApi atlas;
    private final RequestThrottle throttle;
    private final RetryProperties retry;
    private final Sleeper sleeper;

    ListRequests(AtlasBackupApi atlas, RequestThrottle throttle, RetryProperties retry, Sleeper sleeper) {
        this.atlas = atlas;
        this.throttle = throttle;
        this.retry = retry;
        this.sleeper = sleeper;
    }

    /**
     * @param project whose budget the request takes ({@code null}: the list of projects)
     * @throws AtlasApiException a non-transient answer, or the last of {@code max-attempts} transient ones
     * @throws AtlasUnreachableException no answer came, {@code max-attempts} times
     */
    <T> AtlasPage<T> page(String project, Function<AtlasBackupClient, Response> list, Class<T> itemType) throws InterruptedException {
        Duration backOff = retry.initialDelay();
        for (int attempt = 1; ; attempt++) {
            throttle.beforeRequest(project);
            try {
                return atlas.page(list, itemType);
            } catch (AtlasApiException e) {
                if (e.verdict() != AtlasVerdict.TRANSIENT || attempt >= retry.maxAttempts()) {
                    throw e;
                }
                Duration asked = e.retryAfter() != null ? e.retryAfter() : e.status() == 429 ? retry.rateLimitedDelay() : null;
                if (asked != null) {
                    throttle.pause(project, min(asked, retry.maxRetryAfter())); // waited in beforeRequest
                    continue;
                }
            } catch (AtlasUnreachableException e) {
                if (attempt >= retry.maxAttempts()) {
                    throw e;
                }
            }
            sleeper.sleep(backOff);
            backOff = min(Duration.ofMillis((long) (backOff.toMillis() * retry.multiplier())), retry.maxDelay());
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) > 0 ? b : a;
    }
}
