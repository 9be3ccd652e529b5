package io.restorejobcanceller.find;

import java.util.function.Function;
import java.util.function.Supplier;

import feign.Response;
import io.restorejobcanceller.atlas.AtlasApiException;
import io.restorejobcanceller.atlas.client.AtlasEndpoints;
import io.restorejobcanceller.atlas.AtlasPage;
import io.restorejobcanceller.atlas.client.AtlasRestoreJobs;
import io.restorejobcanceller.atlas.AtlasUnreachableException;
import io.restorejobcanceller.atlas.AtlasVerdict;
import io.restorejobcanceller.atlas.Retries;
import io.restorejobcanceller.atlas.Sleeper;
import io.restorejobcanceller.monitoring.RunMetrics;
import io.restorejobcanceller.sending.RequestThrottle;
import io.restorejobcanceller.sending.RetryProperties;
import io.restorejobcanceller.sending.ThrottleFeedback;

import org.springframework.stereotype.Component;

/**
 * One page of a list (or one resource), sent under the DELETEs' policy: the project's request budget and pauses ({@link RequestThrottle}
 * and {@link ThrottleFeedback}: {@code Retry-After}, 429s, refill rates), transient answers sent again by the one retry
 * loop ({@link Retries}, {@code canceller.retry.*}). The only place find uses sending/.
 */
@Component
class ListRequests {

    /** Every GET sent (each page of a list, each project's name, each retry). */
    static final String REQUESTS = "find.list.requests";

    private final AtlasRestoreJobs atlas;
    private final RequestThrottle throttle;
    private final ThrottleFeedback feedback;
    private final Retries retries;
    private final RunMetrics metrics;

    ListRequests(AtlasRestoreJobs atlas, RequestThrottle throttle, RetryProperties retry, Sleeper sleeper, RunMetrics metrics) {
        this.metrics = metrics;
        this.atlas = atlas;
        this.throttle = throttle;
        this.feedback = new ThrottleFeedback(throttle, retry);
        this.retries = new Retries(retry.policy(), sleeper);
    }

    /**
     * @param project whose budget the request takes ({@code null}: the list of projects)
     * @throws AtlasApiException a non-transient answer, or the last of {@code max-attempts} transient ones
     * @throws AtlasUnreachableException no answer came, {@code max-attempts} times
     */
    <T> AtlasPage<T> page(String project, Function<AtlasEndpoints, Response> list, Class<T> itemType) throws InterruptedException {
        return send(project, () -> atlas.page(list, itemType));
    }

    /** One resource, as {@link #page} sends a page. */
    <T> T one(String project, Function<AtlasEndpoints, Response> get, Class<T> type) throws InterruptedException {
        return send(project, () -> atlas.one(get, type));
    }

    private <T> T send(String project, Supplier<T> request) throws InterruptedException {
        int[] rateLimited = {0};
        return retries.run(attempt -> {
            throttle.beforeRequest(project);
            metrics.count(REQUESTS, 1);
            try {
                return new Retries.Done<>(request.get());
            } catch (AtlasApiException e) {
                if (e.verdict() != AtlasVerdict.TRANSIENT) {
                    throw e;
                }
                rateLimited[0] += e.status() == 429 ? 1 : 0;
                return new Retries.Again<>(e, feedback.refused(project, e, rateLimited[0]));
            } catch (AtlasUnreachableException e) {
                return new Retries.Again<>(e, null);
            }
        }, (last, attempts) -> {
            throw last;
        });
    }
}
