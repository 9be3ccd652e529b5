package io.restorejobcanceller.find;

import java.util.function.Function;

import feign.Response;
import io.restorejobcanceller.atlas.AtlasApiException;
import io.restorejobcanceller.atlas.Endpoint;
import io.restorejobcanceller.atlas.client.AtlasEndpoints;
import io.restorejobcanceller.atlas.AtlasPage;
import io.restorejobcanceller.atlas.client.AtlasRestoreJobs;
import io.restorejobcanceller.atlas.AtlasUnreachableException;
import io.restorejobcanceller.atlas.Sleeper;
import io.restorejobcanceller.monitoring.RunMetrics;
import io.restorejobcanceller.sending.PacedRequests;
import io.restorejobcanceller.sending.RequestThrottle;
import io.restorejobcanceller.sending.RetryProperties;

import org.springframework.stereotype.Component;

/**
 * One page of a list (or one resource), sent under the DELETEs' policy ({@link PacedRequests}): its endpoint set's
 * budget and pauses, transient answers sent again. The only place find sends through sending/.
 */
@Component
class ListRequests {

    /** Every GET sent (each page of a list, each project's name, each retry). */
    static final String REQUESTS = "find.list.requests";

    private final AtlasRestoreJobs atlas;
    private final PacedRequests paced;
    private final RunMetrics metrics;

    ListRequests(AtlasRestoreJobs atlas, RequestThrottle throttle, RetryProperties retry, Sleeper sleeper, RunMetrics metrics) {
        this.metrics = metrics;
        this.atlas = atlas;
        this.paced = new PacedRequests(throttle, retry, sleeper, true);
    }

    /**
     * @param endpoint the list's, whose endpoint set's budget the request takes
     * @param project in which ({@code null}: the list of projects)
     * @throws AtlasApiException a non-transient answer, or the last of {@code max-attempts} transient ones
     * @throws AtlasUnreachableException no answer came, {@code max-attempts} times
     */
    <T> AtlasPage<T> page(Endpoint endpoint, String project, Function<AtlasEndpoints, Response> list, Class<T> itemType)
            throws InterruptedException {
        return paced.send(endpoint, project, () -> {
            metrics.count(REQUESTS, 1);
            return atlas.page(list, itemType);
        });
    }

    /** One resource, as {@link #page} sends a page. */
    <T> T one(Endpoint endpoint, String project, Function<AtlasEndpoints, Response> get, Class<T> type) throws InterruptedException {
        return paced.send(endpoint, project, () -> {
            metrics.count(REQUESTS, 1);
            return atlas.one(get, type);
        });
    }
}
