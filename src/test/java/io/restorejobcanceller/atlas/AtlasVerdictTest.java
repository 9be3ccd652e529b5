package io.restorejobcanceller.atlas;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The classification table: what each answer of Atlas means, by status and error code. */
class AtlasVerdictTest {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(nullValues = "-", value = {
            "404, RESOURCE_NOT_FOUND, GONE",
            "404, RESTORE_JOB_NOT_FOUND, GONE",
            "404, RESTORE_JOB_NOT_FOUND_IN_GROUP, GONE",
            "404, GROUP_NOT_FOUND, PROJECT_REFUSED",
            "404, INVALID_GROUP_ID, PROJECT_REFUSED",
            "404, CLUSTER_NOT_FOUND, CLUSTER_REFUSED",
            "404, -, REJECTED",
            "404, SOMETHING_NEW, REJECTED",
            "401, NOT_IN_GROUP, PROJECT_REFUSED",
            "401, USER_CANNOT_ACCESS_GROUP, PROJECT_REFUSED",
            "401, -, CREDENTIALS_REFUSED",
            "401, NOT_ORG_GROUP_CREATOR, CREDENTIALS_REFUSED",
            "403, USER_UNAUTHORIZED, PROJECT_REFUSED",
            "403, IP_ADDRESS_NOT_ON_ACCESS_LIST, HOST_NOT_ALLOWED",
            "403, ORG_REQUIRES_ACCESS_LIST, HOST_NOT_ALLOWED",
            "403, -, REJECTED",
            "405, WRITES_NOT_ALLOWED_DURING_APP_UPGRADES, TRANSIENT",
            "405, ATLAS_BACKUP_CANCEL_SHARD_RESTORE_JOB_NOT_ALLOWED, REJECTED",
            "400, CANNOT_CANCEL_AUTOMATED_RESTORE, REJECTED",
            "409, -, REJECTED",
            "429, RATE_LIMITED_TOKEN_BUCKET, TRANSIENT",
            "500, -, TRANSIENT",
            "502, -, TRANSIENT",
            "503, SERVICE_UNAVAILABLE, TRANSIENT",
            "504, -, TRANSIENT",
            "501, -, UNEXPECTED",
            "302, -, UNEXPECTED"})
    void classifiesByStatusAndErrorCode(int status, String errorCode, AtlasVerdict expected) {
        assertThat(AtlasVerdict.of(status, errorCode)).isEqualTo(expected);
    }
}
