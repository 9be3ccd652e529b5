package io.restorejobcanceller.atlas;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A page of {@code GET /api/atlas/v2/rateLimits}: endpoint sets, each with its token bucket and scope. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RateLimits(List<EndpointSet> results, Integer totalCount) {

    /** {@code RateLimitEndpointSetResponse}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record EndpointSet(String endpointSetId, String endpointSetName, String scope, List<Endpoint> endpoints,
                              Figure capacity, Figure refillRate, Figure refillDurationSeconds) {

        public boolean covers(String method, String path) {
            return endpoints != null && endpoints.stream().anyMatch(e -> method.equalsIgnoreCase(e.method()) && path.equals(e.path()));
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Endpoint(String method, String path) {
    }

    /** The value applied to the project ({@code defaultValue}: the default, present when an override applies). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Figure(Long value, Long defaultValue) {
    }

    /** How Atlas's rate limits are read (by atlas.client.AtlasRestoreJobs; scripted in unit tests). */
    public interface Pages {
        /**
         * @throws AtlasApiException any other status than 2xx
         * @throws AtlasUnreachableException no answer came
         */
        RateLimits page(String groupId, String endpointPath, int pageNum);
    }
}
