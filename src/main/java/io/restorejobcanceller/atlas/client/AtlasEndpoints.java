package io.restorejobcanceller.atlas.client;

import feign.Headers;
import feign.Param;
import feign.RequestLine;
import feign.Response;

/** The Atlas Administration API endpoints this tool calls, as Feign declares them (raw responses); use them through {@link AtlasRestoreJobs}. */
public interface AtlasEndpoints {

    /** The only API version this endpoint accepts; Atlas answers 406 INVALID_VERSION_DATE to any other. */
    String API_VERSION_MEDIA_TYPE = "application/vnd.atlas.2023-01-01+json";

    /**
     * Cancels one manual-download restore job. The raw response is returned whatever its status (the caller
     * closes it); {@link feign.RetryableException} is thrown when no answer came (connect failure, reset, timeout).
     */
    @RequestLine("DELETE /api/atlas/v2/groups/{groupId}/clusters/{clusterName}/backup/restoreJobs/{restoreJobId}")
    @Headers("Accept: " + API_VERSION_MEDIA_TYPE)
    Response cancelRestoreJob(@Param("groupId") String groupId, @Param("clusterName") String clusterName,
                              @Param("restoreJobId") String restoreJobId);

    /** Reads one restore job (needs the Project Backup Manager role); the raw response, as for the DELETE. */
    @RequestLine("GET /api/atlas/v2/groups/{groupId}/clusters/{clusterName}/backup/restoreJobs/{restoreJobId}")
    @Headers("Accept: " + API_VERSION_MEDIA_TYPE)
    Response getRestoreJob(@Param("groupId") String groupId, @Param("clusterName") String clusterName,
                           @Param("restoreJobId") String restoreJobId);

    /** The version of the rate-limit endpoints. */
    String RATE_LIMITS_MEDIA_TYPE = "application/vnd.atlas.2025-03-12+json";

    /**
     * One page of the endpoint sets and their token buckets; {@code groupId} (or {@code null}: the defaults, of every
     * scope) and {@code endpointPath} (URL-encoded) filter them. Needs Project Read Only on the project.
     */
    @RequestLine("GET /api/atlas/v2/rateLimits?groupId={groupId}&endpointPath={endpointPath}&pageNum={pageNum}&itemsPerPage={itemsPerPage}")
    @Headers("Accept: " + RATE_LIMITS_MEDIA_TYPE)
    Response rateLimits(@Param("groupId") String groupId, @Param(value = "endpointPath", encoded = true) String endpointPath,
                        @Param("pageNum") int pageNum, @Param("itemsPerPage") int itemsPerPage);
}
