package io.restorejobcanceller.atlas;

import static java.util.Map.entry;

import java.util.Map;
import java.util.Set;

/**
 * What an error answer of Atlas means for the row and for the run, decided by Atlas's {@code errorCode} and not by
 * the HTTP status alone (a 404 for a missing project is not "already gone"; a 401 for one project is not "wrong
 * credentials"). A newly seen code is one line in {@link #BY_CODE}.
 */
public enum AtlasVerdict {
    /** The restore job itself is not there: already gone or never existed. */
    GONE,
    /** The project is refused to these credentials (missing, or not theirs): so is every other row of it. */
    PROJECT_REFUSED,
    /** The cluster is not in the project: so is every other row of that cluster. */
    CLUSTER_REFUSED,
    /** The credentials themselves are refused: nothing else can succeed. */
    CREDENTIALS_REFUSED,
    /** This host's address is not on the organisation's API access list: nothing else can succeed. */
    HOST_NOT_ALLOWED,
    /** Worth sending again later. */
    TRANSIENT,
    /** Refused for this row; Atlas's code says why. */
    REJECTED,
    /** An answer this tool does not expect (a redirect, another server error). */
    UNEXPECTED;

    /** The codes whose meaning differs from what their status alone would say, by "status code". */
    static final Map<String, AtlasVerdict> BY_CODE = Map.ofEntries(
            entry("404 RESOURCE_NOT_FOUND", GONE),
            entry("404 RESTORE_JOB_NOT_FOUND", GONE),
            entry("404 RESTORE_JOB_NOT_FOUND_IN_GROUP", GONE),
            entry("404 INVALID_JOB_ID", GONE),
            entry("404 GROUP_NOT_FOUND", PROJECT_REFUSED),
            entry("404 INVALID_GROUP_ID", PROJECT_REFUSED),
            entry("400 INVALID_GROUP_ID", PROJECT_REFUSED),
            entry("401 NOT_IN_GROUP", PROJECT_REFUSED),
            entry("401 USER_CANNOT_ACCESS_GROUP", PROJECT_REFUSED),
            entry("403 USER_CANNOT_ACCESS_GROUP", PROJECT_REFUSED),
            entry("403 USER_UNAUTHORIZED", PROJECT_REFUSED),
            entry("404 CLUSTER_NOT_FOUND", CLUSTER_REFUSED),
            entry("403 IP_ADDRESS_NOT_ON_ACCESS_LIST", HOST_NOT_ALLOWED),
            entry("403 ORG_REQUIRES_ACCESS_LIST", HOST_NOT_ALLOWED),
            entry("405 WRITES_NOT_ALLOWED_DURING_APP_UPGRADES", TRANSIENT));

    private static final Set<Integer> TRANSIENT_STATUSES = Set.of(429, 500, 502, 503, 504);

    /** The meaning of a non-2xx answer with this status and error code ({@code null} when it had none). */
    public static AtlasVerdict of(int status, String errorCode) {
        AtlasVerdict byCode = errorCode == null ? null : BY_CODE.get(status + " " + errorCode);
        if (byCode != null) {
            return byCode;
        }
        if (TRANSIENT_STATUSES.contains(status)) {
            return TRANSIENT;
        }
        if (status == 401) {
            return CREDENTIALS_REFUSED;
        }
        // a 404 that does not name the restore job (a proxy's page, an unknown code) is never "gone"
        return status / 100 == 4 ? REJECTED : UNEXPECTED;
    }
}
