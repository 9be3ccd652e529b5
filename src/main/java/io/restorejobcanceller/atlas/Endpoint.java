package io.restorejobcanceller.atlas;

/**
 * The Atlas endpoints this tool sends to, as {@code GET /api/atlas/v2/rateLimits} names them: each belongs to an
 * endpoint set, whose bucket its requests take from (sending.RequestThrottle).
 */
public enum Endpoint {
    CANCEL("DELETE", Paths.RESTORE_JOB),
    /** {@code --check-first}'s GET of the restore job. */
    CHECK("GET", Paths.RESTORE_JOB),
    PROJECTS("GET", "/api/atlas/v2/groups"),
    /** One project, for its name. */
    PROJECT("GET", "/api/atlas/v2/groups/{groupId}"),
    CLUSTERS("GET", "/api/atlas/v2/groups/{groupId}/clusters"),
    RESTORE_JOBS("GET", Paths.RESTORE_JOBS),
    /** The look-ups of the buckets themselves; never looked up (their budget is the fallback rate's, per project). */
    RATE_LIMITS("GET", "/api/atlas/v2/rateLimits");

    private final String method;
    private final String path;

    Endpoint(String method, String path) {
        this.method = method;
        this.path = path;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    /** Whether its requests name a project ({@code groupId} in the path). */
    public boolean inProject() {
        return path.contains("{groupId}");
    }

    private static final class Paths {
        private static final String RESTORE_JOBS = "/api/atlas/v2/groups/{groupId}/clusters/{clusterName}/backup/restoreJobs";
        private static final String RESTORE_JOB = RESTORE_JOBS + "/{restoreJobId}";
    }
}
