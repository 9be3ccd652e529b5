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

    /**
     * The clusters list's newest version: the 2023-01-01 (legacy) view leaves out clusters it cannot describe (e.g.
     * asymmetric sharding), and only the name is read, which every version has.
     */
    String CLUSTERS_MEDIA_TYPE = "application/vnd.atlas.2024-08-05+json";

    /** One page of the projects these credentials can see. */
    @RequestLine("GET /api/atlas/v2/groups?itemsPerPage={itemsPerPage}&pageNum={pageNum}")
    @Headers("Accept: " + API_VERSION_MEDIA_TYPE)
    Response listProjects(@Param("itemsPerPage") int itemsPerPage, @Param("pageNum") int pageNum);

    /** One project, for its name (a project given by id has none otherwise); Project Read Only, as the lists. */
    @RequestLine("GET /api/atlas/v2/groups/{groupId}")
    @Headers("Accept: " + API_VERSION_MEDIA_TYPE)
    Response getProject(@Param("groupId") String groupId);

    /** One page of a project's clusters. */
    @RequestLine("GET /api/atlas/v2/groups/{groupId}/clusters?itemsPerPage={itemsPerPage}&pageNum={pageNum}")
    @Headers("Accept: " + CLUSTERS_MEDIA_TYPE)
    Response listClusters(@Param("groupId") String groupId, @Param("itemsPerPage") int itemsPerPage,
                          @Param("pageNum") int pageNum);

    /** One page of a cluster's restore jobs (the list has no server-side filter). */
    @RequestLine("GET /api/atlas/v2/groups/{groupId}/clusters/{clusterName}/backup/restoreJobs?itemsPerPage={itemsPerPage}&pageNum={pageNum}")
    @Headers("Accept: " + API_VERSION_MEDIA_TYPE)
    Response listRestoreJobs(@Param("groupId") String groupId, @Param("clusterName") String clusterName,
                             @Param("itemsPerPage") int itemsPerPage, @Param("pageNum") int pageNum);

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
